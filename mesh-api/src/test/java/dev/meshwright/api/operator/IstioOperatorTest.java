package dev.meshwright.api.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.kinds.IstioKinds;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.OutboundTrafficPolicy;
import dev.meshwright.api.mesh.ProxyConfig;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IstioOperatorTest {
  private static final String IOP = """
      apiVersion: install.istio.io/v1alpha1
      kind: IstioOperator
      metadata:
        name: control-plane
        namespace: istio-system
      spec:
        profile: minimal
        hub: docker.io/istio
        tag: 1.22.8
        revision: canary
        meshConfig:
          accessLogFile: /dev/stdout
          outboundTrafficPolicy:
            mode: REGISTRY_ONLY
          defaultConfig:
            holdApplicationUntilProxyStarts: true
            proxyMetadata:
              ISTIO_META_DNS_CAPTURE: "true"
        components:
          pilot:
            enabled: true
            tag: 2
            k8s:
              replicaCount: 2
              env:
              - name: PILOT_TRACE_SAMPLING
                value: "100"
              resources:
                requests:
                  cpu: 500m
          ingressGateways:
          - name: istio-ingressgateway
            enabled: true
            label:
              istio: ingressgateway
            k8s:
              service:
                ports:
                - name: http2
                  port: 80
                  targetPort: 8080
              overlays:
              - kind: Deployment
                name: istio-ingressgateway
                patches:
                - path: spec.template.spec.containers.[name:istio-proxy].lifecycle
                  value:
                    preStop:
                      exec:
                        command: ["sleep", "5"]
                - path: metadata.labels.obsolete
        values:
          global:
            logging:
              level: "default:info"
            mountMtlsCerts:
      """;

  @Test
  @DisplayName("IstioOperator is a registered install.istio.io/v1alpha1 kind")
  void registered() {
    assertThat(IstioKinds.find("install.istio.io", "IstioOperator")).contains(IstioOperator.KIND);
    assertThat(IstioOperator.KIND.preferredApiVersion()).isEqualTo("install.istio.io/v1alpha1");
    assertThat(IstioOperator.KIND.plural()).isEqualTo("istiooperators");
  }

  @Test
  @DisplayName("reads a realistic IstioOperator with typed mesh config and untyped Kubernetes settings")
  void reads() {
    ReadResult r = MeshYaml.read("iop.yaml", IOP);
    assertThat(r.diagnostics()).isEmpty();
    IstioOperator iop = (IstioOperator) r.resources().get(0);
    IstioOperatorSpec spec = iop.spec();
    assertThat(spec.tag()).contains("1.22.8");
    MeshConfig mesh = spec.meshConfig().orElseThrow();
    assertThat(mesh.outboundTrafficPolicy().flatMap(OutboundTrafficPolicy::mode)).contains(OutboundTrafficPolicy.Mode.REGISTRY_ONLY);
    assertThat(mesh.defaultConfig().flatMap(ProxyConfig::holdApplicationUntilProxyStarts)).contains(true);
    ComponentSpec pilot = spec.components().flatMap(IstioComponentSetSpec::pilot).orElseThrow();
    assertThat(pilot.tag()).contains(2);
    assertThat(pilot.k8s().flatMap(KubernetesResourcesSpec::replicaCount)).contains(2);
    assertThat(pilot.k8s().orElseThrow().env()).containsExactly(Map.of("name", "PILOT_TRACE_SAMPLING", "value", "100"));
    K8sObjectOverlay overlay = spec.components().orElseThrow().ingressGateways().get(0).k8s().orElseThrow().overlays().get(0);
    assertThat(overlay.patches()).hasSize(2);
    assertThat(overlay.patches().get(1).value()).isEmpty();
    assertThat(((Map<?, ?>) spec.values().get("global")).containsKey("mountMtlsCerts")).isTrue();
    assertThat(((Map<?, ?>) spec.values().get("global")).get("mountMtlsCerts")).isNull();
    assertThat(MeshValidator.create().validate(iop)).isEmpty();
  }

  @Test
  @DisplayName("writes and reads back an equal IstioOperator")
  void roundTrip() {
    IstioOperator iop = IstioOperator.builder()
        .metadata(ObjectMeta.of("installed-state", "istio-system"))
        .spec(IstioOperatorSpec.builder()
            .profile("default")
            .tag("1.22.8")
            .meshConfig(MeshConfig.builder()
                .defaultConfig(ProxyConfig.builder().drainDuration(Duration.ofSeconds(20)).build())
                .build())
            .components(IstioComponentSetSpec.builder()
                .cni(ComponentSpec.builder().enabled(true).namespace("kube-system").build())
                .addEgressGateway(GatewaySpec.builder().name("istio-egressgateway").enabled(false).build())
                .build())
            .putValue("pilot", Map.of("autoscaleEnabled", false))
            .build())
        .build();
    String yaml = MeshYaml.standard().writeYaml(iop);
    assertThat(yaml).contains("drainDuration: 20s").contains("apiVersion: install.istio.io/v1alpha1");
    ReadResult back = MeshYaml.read("x", yaml);
    assertThat(back.diagnostics()).isEmpty();
    assertThat(back.resources()).containsExactly(iop);
  }

  @Test
  @DisplayName("unknown fields and component names are binding errors with paths")
  void unknownFields() {
    ReadResult r = MeshYaml.read("iop.yaml", """
        apiVersion: install.istio.io/v1alpha1
        kind: IstioOperator
        spec:
          components:
            telemetry:
              enabled: true
          meshConfig:
            defaultConfig:
              drainDurationX: 5s
        """);
    assertThat(r.diagnostics()).extracting(d -> d.path() + ": " + d.message()).containsExactly(
        "spec.components: unknown field \"telemetry\"",
        "spec.meshConfig.defaultConfig: unknown field \"drainDurationX\"");
  }

  @Test
  @DisplayName("validation: hub, tag, revision, gateway names, mesh config and privileged gateway ports")
  void validation() {
    ReadResult r = MeshYaml.read("iop.yaml", """
        apiVersion: install.istio.io/v1alpha1
        kind: IstioOperator
        metadata:
          name: bad
        spec:
          hub: "docker.io/Istio"
          tag: "1.22:8"
          revision: "1-22_8"
          meshConfig:
            defaultConfig:
              discoveryAddress: "istiod:port"
          components:
            ingressGateways:
            - name: Ingress
              k8s:
                service:
                  ports:
                  - name: http
                    port: 80
            egressGateways:
            - name: istio-egressgateway
              k8s:
                replicaCount: 3
          values:
            gateways:
              istio-egressgateway:
                autoscaleEnabled: true
        """);
    assertThat(r.diagnostics()).isEmpty();
    List<Diagnostic> diags = MeshValidator.create().validate(r.resources().get(0));
    assertThat(diags).extracting(d -> d.severity() + " " + d.path() + ": " + d.message()).containsExactlyInAnyOrder(
        "ERROR spec.hub: invalid value Hub: docker.io/Istio",
        "ERROR spec.tag: invalid value Tag: 1.22:8",
        "ERROR spec.revision: invalid revision specified: 1-22_8",
        "ERROR spec.meshConfig.defaultConfig.discoveryAddress: invalid discovery address: port (port) is not a number: "
            + "strconv.Atoi: parsing \"port\": invalid syntax",
        "ERROR spec.components.ingressGateways[0].name: invalid value Components.IngressGateways: Ingress",
        "ERROR spec.components.ingressGateways[0].k8s.service.ports[0]: port http/80 in gateway Ingress invalid: targetPort is "
            + "set to 0, which requires root. Set targetPort to be greater than 1024 or configure "
            + "values.gateways.istio-ingressgateway.runAsRoot=true",
        "WARNING spec.components.egressGateways[0].k8s.replicaCount: components.egressGateways[name=istio-egressgateway]"
            + ".k8s.replicaCount should not be set when values.gateways.istio-egressgateway.autoscaleEnabled is true");
  }

  @Test
  @DisplayName("deprecated values are warnings, removed add-ons are errors")
  void deprecated() {
    ReadResult r = MeshYaml.read("iop.yaml", """
        apiVersion: install.istio.io/v1alpha1
        kind: IstioOperator
        spec:
          values:
            global:
              enableTracing: false
              proxy:
                holdApplicationUntilProxyStarts: true
            grafana:
              enabled: true
        """);
    assertThat(MeshValidator.create().validate(r.resources().get(0)))
        .extracting(d -> d.severity() + " " + d.path() + ": " + d.message()).containsExactly(
            "WARNING spec.values.global.proxy.holdApplicationUntilProxyStarts: ! values.global.proxy."
                + "holdApplicationUntilProxyStarts is deprecated; use meshConfig.defaultConfig.holdApplicationUntilProxyStarts instead",
            "ERROR spec.values.grafana.enabled: ! values.grafana.enabled is deprecated; use the samples/addons/ deployments instead");
  }

  @Test
  @DisplayName("hub follows the image reference grammar, in linear time on hostile input")
  void hubGrammar() {
    assertThat(List.of("docker.io/istio", "gcr.io/istio-testing", "localhost:5000/my_org/img", "istio", "Registry.Example.com/a.b/c__d"))
        .allMatch(h -> IstioOperatorValidator.REFERENCE.matcher(h).matches());
    assertThat(List.of("docker.io/Istio", "a//b", "-a", "a/", "docker.io:/istio"))
        .noneMatch(h -> IstioOperatorValidator.REFERENCE.matcher(h).matches());
    String hostile = "a".repeat(20_000) + "-".repeat(20_000) + "!";
    long start = System.nanoTime();
    assertThat(IstioOperatorValidator.REFERENCE.matcher(hostile).matches()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  @DisplayName("a tag must be a string or a number")
  void tagShape() {
    ReadResult r = MeshYaml.read("iop.yaml", """
        apiVersion: install.istio.io/v1alpha1
        kind: IstioOperator
        spec:
          tag: [1, 2]
        """);
    assertThat(r.diagnostics()).extracting(Diagnostic::message).containsExactly("tag must be a string or a number");
  }
}
