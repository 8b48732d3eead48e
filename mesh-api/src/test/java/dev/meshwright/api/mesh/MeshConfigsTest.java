package dev.meshwright.api.mesh;

import dev.meshwright.api.yaml.MeshConfigYaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.networking.LocalityLoadBalancerSetting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MeshConfigsTest {
  private static MeshConfig read(String yaml) {
    MeshConfigs.Result r = MeshConfigYaml.read("mesh.yaml", yaml);
    assertThat(r.diagnostics()).isEmpty();
    return r.meshConfig().orElseThrow();
  }

  private static MeshConfig load(String yaml) {
    MeshConfigs.Result r = MeshConfigYaml.load("mesh.yaml", yaml);
    assertThat(r.diagnostics()).isEmpty();
    return r.meshConfig().orElseThrow();
  }

  @Test
  @DisplayName("defaults are Istio 1.22.8's DefaultMeshConfig and DefaultProxyConfig, and they validate")
  void defaults() {
    MeshConfig d = MeshConfigs.defaults();
    ProxyConfig pc = d.defaultConfig().orElseThrow();
    assertThat(pc.discoveryAddress()).contains("istiod.istio-system.svc:15012");
    assertThat(pc.drainDuration()).contains(Duration.ofSeconds(45));
    assertThat(pc.terminationDrainDuration()).contains(Duration.ofSeconds(5));
    assertThat(pc.statusPort()).contains(15020);
    assertThat(pc.proxyAdminPort()).contains(15000);
    assertThat(pc.serviceCluster()).contains("istio-proxy");
    assertThat(pc.concurrency()).isEmpty();
    assertThat(pc.tracing()).isEmpty();
    assertThat(d.rootNamespace()).contains("istio-system");
    assertThat(d.trustDomain()).contains("cluster.local");
    assertThat(d.ingressControllerMode()).contains(MeshConfig.IngressControllerMode.STRICT);
    assertThat(d.connectTimeout()).contains(Duration.ofSeconds(10));
    assertThat(d.protocolDetectionTimeout()).contains(Duration.ZERO);
    assertThat(d.defaultServiceExportTo()).containsExactly("*");
    assertThat(d.outboundTrafficPolicy().flatMap(OutboundTrafficPolicy::mode)).contains(OutboundTrafficPolicy.Mode.ALLOW_ANY);
    assertThat(d.localityLbSetting().flatMap(LocalityLoadBalancerSetting::enabled)).contains(true);
    assertThat(d.extensionProviders()).extracting(p -> p.name().orElse("") + "/" + p.providerType())
        .containsExactly("prometheus/prometheus", "stackdriver/stackdriver", "envoy/envoyFileAccessLog");
    assertThat(MeshConfigs.validate(d)).isEmpty();
  }

  @Test
  @DisplayName("the YAML form round-trips, durations written as Istio strings")
  void roundTrip() {
    String yaml = MeshConfigYaml.writeYaml(MeshConfigs.defaults());
    assertThat(yaml).contains("drainDuration: 45s").contains("discoveryAddress: istiod.istio-system.svc:15012");
    assertThat(read(yaml)).isEqualTo(MeshConfigs.defaults());
  }

  @Test
  @DisplayName("unknown fields are errors with their field path and line")
  void unknownField() {
    MeshConfigs.Result r = MeshConfigYaml.read("mesh.yaml", """
        rootNamespace: istio-system
        defaultConfig:
          drainDurations: 5s
        """);
    assertThat(r.hasErrors()).isTrue();
    Diagnostic d = r.diagnostics().get(0);
    assertThat(d.path()).isEqualTo("defaultConfig");
    assertThat(d.message()).isEqualTo("unknown field \"drainDurations\"");
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.source()).isEqualTo("mesh.yaml");
  }

  @Test
  @DisplayName("bad enums, durations and both members of a oneof are binding errors")
  void bindingErrors() {
    assertThat(MeshConfigYaml.read("m", "outboundTrafficPolicy: {mode: OPEN}").diagnostics())
        .extracting(Diagnostic::path).containsExactly("outboundTrafficPolicy.mode");
    assertThat(MeshConfigYaml.read("m", "connectTimeout: 10").hasErrors()).isTrue();
    assertThat(MeshConfigYaml.read("m", "defaultConfig: {serviceCluster: a, tracingServiceName: CANONICAL_NAME_ONLY}")
        .diagnostics()).extracting(Diagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("only one of serviceCluster, tracingServiceName"));
  }

  @Test
  @DisplayName("load applies the ConfigMap over the defaults like istiod")
  void loadCorpusShape() {
    MeshConfig m = load("""
        defaultConfig:
          discoveryAddress: istiod.istio-system.svc:15012
        defaultProviders:
          metrics:
          - prometheus
        enablePrometheusMerge: true
        rootNamespace: istio-system
        trustDomain: cluster.local
        """);
    assertThat(m.defaultConfig().flatMap(ProxyConfig::drainDuration)).contains(Duration.ofSeconds(45));
    assertThat(m.defaultProviders().orElseThrow().metrics()).containsExactly("prometheus");
    assertThat(m.extensionProviders()).hasSize(3);
    assertThat(m.ingressClass()).contains("istio");
  }

  @Test
  @DisplayName("merge follows Istio: messages replace, defaultConfig and defaultProviders merge per field, providers by name")
  void mergeRules() {
    MeshConfig base = MeshConfigs.merge(MeshConfigs.defaults(), read("""
        defaultConfig:
          proxyMetadata: {merged: original, default: foo}
          tracing: {zipkin: {address: zipkin.istio-system:9411}}
        trustDomainAliases: [zeta]
        """));
    MeshConfig m = MeshConfigs.merge(base, read("""
        ingressClass: foo
        enableTracing: false
        trustDomainAliases: ["default", "both"]
        outboundTrafficPolicy: {mode: REGISTRY_ONLY}
        localityLbSetting: {failover: [{from: us-east, to: us-west}]}
        defaultProviders: {tracing: [foo]}
        extensionProviders:
        - name: sd
          stackdriver: {}
        - name: envoy
          envoyFileAccessLog: {path: /dev/stderr}
        defaultConfig:
          tracing: {}
          concurrency: 4
          proxyMetadata: {merged: override, override: bar}
        """));
    ProxyConfig pc = m.defaultConfig().orElseThrow();
    assertThat(pc.tracing()).contains(Tracing.builder().build());
    assertThat(pc.concurrency()).contains(4);
    assertThat(pc.discoveryAddress()).contains("istiod.istio-system.svc:15012");
    assertThat(pc.proxyMetadata()).isEqualTo(Map.of("merged", "override", "default", "foo", "override", "bar"));
    assertThat(m.enableTracing()).contains(false);
    assertThat(m.ingressClass()).contains("foo");
    assertThat(m.localityLbSetting().orElseThrow().enabled()).as("message replaced whole").isEmpty();
    assertThat(m.defaultProviders().orElseThrow().tracing()).containsExactly("foo");
    assertThat(m.extensionProviders()).extracting(p -> p.name().orElse(""))
        .containsExactly("prometheus", "stackdriver", "envoy", "sd");
    assertThat(m.extensionProviders().get(2).envoyFileAccessLog().flatMap(EnvoyFileAccessLogProvider::path))
        .contains("/dev/stderr");
    assertThat(m.trustDomainAliases()).containsExactly("both", "default", "zeta");
    assertThat(m.defaultServiceExportTo()).containsExactly("*");
  }

  @Test
  @DisplayName("proxyHeaders members the overlay leaves unset keep the base's; serviceCluster and tracingServiceName replace each other")
  void proxyConfigMerge() {
    ProxyConfig base = ProxyConfig.builder()
        .serviceCluster("a")
        .proxyHeaders(ProxyHeaders.builder()
            .forwardedClientCert(ForwardClientCertDetails.APPEND_FORWARD)
            .requestId(ProxyHeaders.RequestId.builder().disabled(true).build())
            .build())
        .build();
    ProxyConfig overlay = ProxyConfig.builder()
        .tracingServiceName(ProxyConfig.TracingServiceName.CANONICAL_NAME_ONLY)
        .proxyHeaders(ProxyHeaders.builder().server(ProxyHeaders.Server.builder().disabled(true).build()).build())
        .build();
    ProxyConfig m = MeshConfigs.mergeProxyConfig(base, overlay);
    assertThat(m.serviceCluster()).isEmpty();
    assertThat(m.tracingServiceName()).contains(ProxyConfig.TracingServiceName.CANONICAL_NAME_ONLY);
    ProxyHeaders h = m.proxyHeaders().orElseThrow();
    assertThat(h.forwardedClientCert()).contains(ForwardClientCertDetails.APPEND_FORWARD);
    assertThat(h.requestId().flatMap(ProxyHeaders.RequestId::disabled)).contains(true);
    assertThat(h.server().flatMap(ProxyHeaders.Server::disabled)).contains(true);
  }

  @Test
  @DisplayName("validation reports Istio's messages at field paths")
  void validation() {
    MeshConfigs.Result r = MeshConfigYaml.load("mesh.yaml", """
        proxyListenPort: 70000
        connectTimeout: 2h
        trustDomain: bad_domain
        serviceSettings:
        - hosts: ["*.ok.svc.cluster.local", "bad host"]
        defaultConfig:
          drainDuration: 1.5s
          discoveryAddress: istiod
          statusPort: 0
          tracing:
            zipkin: {address: "$(HOST_IP):9411"}
        """.replace("2h", "7200s"));
    List<String> lines = r.diagnostics().stream().map(d -> d.severity() + " " + d.path() + ": " + d.message()).toList();
    assertThat(lines).contains(
        "ERROR proxyListenPort: invalid proxy listen port: port number 70000 must be in the range 1..65535",
        "ERROR connectTimeout: invalid connect timeout: time 2h0m0s must be >1ms and <1h0m0s",
        "ERROR trustDomain: trustDomain: trust domain name \"bad_domain\" invalid",
        "ERROR serviceSettings[0].hosts[1]: serviceSettings[0], host `bad host`: domain name \"bad host\" invalid (label \"bad host\" invalid)",
        "ERROR defaultConfig.drainDuration: drain time only supports durations to seconds precision",
        "ERROR defaultConfig.discoveryAddress: invalid discovery address: unable to split \"istiod\": address istiod: missing port in address",
        "ERROR defaultConfig.statusPort: invalid status port: port number 0 must be in the range 1..65535");
    assertThat(lines).noneMatch(l -> l.contains("zipkin config"));
    assertThat(r.diagnostics()).allMatch(d -> d.source().equals("mesh.yaml"));
  }

  @Test
  @DisplayName("a proxy.istio.io/config annotation reads strictly and merges over the mesh default")
  void proxyConfigAnnotation() {
    var r = MeshConfigYaml.readProxyConfig("annotation", "holdApplicationUntilProxyStarts: true\nproxyMetadata: {A: b}\n");
    assertThat(r.diagnostics()).isEmpty();
    ProxyConfig merged = MeshConfigs.mergeProxyConfig(MeshConfigs.defaultProxyConfig(), r.value().orElseThrow());
    assertThat(merged.holdApplicationUntilProxyStarts()).contains(true);
    assertThat(merged.statusPort()).contains(15020);
    assertThat(MeshConfigYaml.readProxyConfig("annotation", "statusPort: high").diagnostics())
        .extracting(Diagnostic::path).containsExactly("statusPort");
  }

  @Test
  @DisplayName("extension provider problems are warnings, as Istio only logs them")
  void extensionProviders() {
    ExtensionProvider zipkin = ExtensionProvider.builder().name("z")
        .zipkin(ZipkinTracingProvider.builder().service("zipkin.istio-system.svc.cluster.local").port(9411).build()).build();
    MeshConfig m = MeshConfig.builder().from(MeshConfigs.defaults())
        .addExtensionProviders(zipkin, zipkin)
        .addExtensionProvider(ExtensionProvider.builder().name("authz")
            .envoyExtAuthzHttp(EnvoyExternalAuthorizationHttpProvider.builder()
                .service("authz/short").port(0).pathPrefix("check").statusOnError("999").build())
            .build())
        .build();
    assertThat(MeshConfigs.validate(m)).allMatch(d -> !d.isError())
        .extracting(d -> d.path() + ": " + d.message())
        .contains("extensionProviders[4]: invalid extension provider z: duplicate extension provider name z",
            "extensionProviders[5]: invalid extension provider authz: port number 0 must be in the range 1..65535",
            "extensionProviders[5]: invalid extension provider authz: short names (non FQDN) are not allowed",
            "extensionProviders[5]: invalid extension provider authz: pathPrefix should begin with `/` but found \"check\"")
        .anySatisfy(l -> assertThat(l).contains("unsupported statusOnError value 999, supported values: map[0:Empty 100:Continue"));
  }

  @Test
  @DisplayName("locality and private key provider rules")
  void localityAndPrivateKey() {
    MeshConfig m = MeshConfigs.merge(MeshConfigs.defaults(), read("""
        localityLbSetting:
          distribute:
          - from: us-east/*
            to: {"us-west/*": 60, "us-east/*": 30}
        defaultConfig:
          privateKeyProvider:
            cryptomb: {pollDelay: 0s}
        """));
    assertThat(MeshConfigs.validate(m)).extracting(d -> d.path() + ": " + d.message()).containsExactly(
        "defaultConfig.privateKeyProvider.cryptomb.pollDelay: invalid private key provider configuration: pollDelay must be non zero",
        "localityLbSetting.distribute[0].to: total locality weight 90 != 100");
  }
}
