package dev.meshwright.xds.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigView;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.testing.Corpus;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.References;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResources;
import dev.meshwright.xds.Subscriptions;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.istiod.Istiod;
import dev.meshwright.api.Diagnostic;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Istio's own gateway inputs: the xds-bench router configs and the xds-misc ingress-gateway scenario. */
class GatewayCorpusTest {
  private static ProxyContext benchRouter(String config) throws IOException {
    Path file = Corpus.require("xds-bench/rendered").resolve(config + ".services-1.instances-1.yaml");
    MeshSnapshot s = MeshTranslator.create().translate(
        ConfigView.of(MeshYaml.read(file.toString(), Files.readString(file)).resources()), MeshConfigs.defaults());
    return ProxyContext.of(s, NodeIds.parse("router~1.1.1.1~v0.default~default.example.org", Map.of(
        "NAMESPACE", "default", "LABELS", Map.of("istio.io/benchmark", "true"), "CLUSTER_ID", "Kubernetes",
        "ISTIO_VERSION", "1.22.0")).orThrow(), XdsOptions.defaults());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gateways", "gateways-shared", "knative-gateway"})
  @DisplayName("xds-bench router configs give listeners and, for the route names they reference, non-empty route configurations")
  void benchLdsRds(String config) throws IOException {
    ProxyContext ctx = benchRouter(config);
    Map<String, Listener> ls = GatewayFixtures.listeners(ctx);
    assertThat(ls).isNotEmpty();
    Set<String> rds = References.routeNames(ls.values());
    assertThat(rds).isNotEmpty();
    Map<String, RouteConfiguration> routes = GatewayFixtures.routes(ctx, rds);
    assertThat(routes.keySet()).isEqualTo(rds);
    assertThat(routes.values()).allSatisfy(rc -> assertThat(rc.getVirtualHostsList()).isNotEmpty());
    assertThat(routes.values()).anySatisfy(rc -> assertThat(rc.getVirtualHostsList())
        .anySatisfy(vh -> assertThat(vh.getRoutesList()).isNotEmpty()));
  }

  @Test
  @DisplayName("xds-bench gateways: per-server HTTPS route https.443.https.gateway-0.gateway, the 3 hosts collapsed into one VH")
  void benchGatewaysShape() throws IOException {
    ProxyContext ctx = benchRouter("gateways");
    Map<String, Listener> ls = GatewayFixtures.listeners(ctx);
    assertThat(ls).containsOnlyKeys("0.0.0.0_80", "0.0.0.0_443");
    assertThat(References.routeNames(ls.values())).containsExactly("http.80", "https.443.https.gateway-0.gateway");
    RouteConfiguration http = GatewayFixtures.routes(ctx, Set.of("http.80")).get("http.80");
    assertThat(http.getVirtualHostsList()).singleElement().satisfies(vh -> {
      assertThat(vh.getName()).isEqualTo("random-a-0.host.example:80");
      assertThat(vh.getDomainsList()).containsExactly("random-a-0.host.example", "random-b-0.host.example",
          "random-c-0.host.example");
    });
  }

  @Test
  @DisplayName("xds-bench secrets: kubernetes://default/sds-credential-0 gives exactly that Secret")
  void benchSecrets() throws IOException {
    ProxyContext ctx = benchRouter("secrets");
    var out = new CredentialSecretGenerator().generate(ctx, Set.of("kubernetes://default/sds-credential-0"));
    assertThat(out.resources()).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo("kubernetes://default/sds-credential-0");
      Secret s = (Secret) r.message();
      assertThat(s.getTlsCertificate().getCertificateChain().getInlineBytes().toStringUtf8())
          .startsWith("-----BEGIN CERTIFICATE-----");
      assertThat(s.getTlsCertificate().getPrivateKey().getInlineBytes().toStringUtf8()).contains("PRIVATE KEY");
    });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gateways", "gateways-shared", "knative-gateway", "secrets"})
  @DisplayName("istiod's full generator set gives xds-bench router configs valid output: no errors, every route listeners load")
  void benchThroughIstiod(String config) throws IOException {
    ProxyContext ctx = benchRouter(config);
    XdsResources out = Istiod.generator(XdsOptions.defaults()).generate(ctx.snapshot(), ctx.proxy(),
        Subscriptions.all().with(TypeUrls.SECRET, Set.of("kubernetes://default/sds-credential-0")));
    assertThat(out.diagnostics()).noneMatch(Diagnostic::isError);
    if (!config.equals("secrets")) {
      assertThat(out.of(TypeUrls.LISTENER)).isNotEmpty();
      assertThat(out.of(TypeUrls.ROUTE).keySet()).isEqualTo(References.routeNames(out.of(TypeUrls.LISTENER).values()
          .stream().map(r -> (Listener) r.message()).toList()));
    } else {
      assertThat(out.of(TypeUrls.SECRET)).containsOnlyKeys("kubernetes://default/sds-credential-0");
    }
  }

  @Test
  @DisplayName("xds-misc ingress-gateway (upstream TestLDSWithIngressGateway): 2 listeners, 3 filter chains on 0.0.0.0_443")
  void ingressGatewayScenario() throws IOException {
    Path file = Corpus.require("xds-misc/scenario/ingress-gateway").resolve("configs.yaml");
    MeshConfig mesh = MeshConfig.builder().from(MeshConfigs.defaults()).rootNamespace("istio-config").build();
    MeshSnapshot s = MeshTranslator.create().translate(
        ConfigView.of(MeshYaml.read(file.toString(), Files.readString(file)).resources()), mesh);
    ProxyContext ctx = ProxyContext.of(s, NodeIds.parse("router~99.1.1.1~istio-ingressgateway-abc.istio-system~"
        + "istio-system.svc.cluster.local", Map.of("NAMESPACE", "istio-system",
        "LABELS", Map.of("istio", "ingressgateway"))).orThrow(), XdsOptions.defaults());
    Map<String, Listener> ls = GatewayFixtures.listeners(ctx);
    assertThat(ls).containsOnlyKeys("0.0.0.0_80", "0.0.0.0_443");
    Listener https = ls.get("0.0.0.0_443");
    assertThat(https.getFilterChainsList()).hasSize(3);
    assertThat(https.getFilterChainsList()).extracting(GatewayFixtures::serverNames).containsExactly(
        java.util.List.of("*.bookinfo.com"), java.util.List.of("https.secure.com"), java.util.List.of("tls.secure.com"));
    RouteConfiguration http = GatewayFixtures.routes(ctx, Set.of("http.80")).get("http.80");
    assertThat(http.getVirtualHostsList()).singleElement().satisfies(vh -> {
      assertThat(vh.getName()).isEqualTo("*.bookinfo.com:80");
      assertThat(vh.getRequireTls()).isEqualTo(io.envoyproxy.envoy.config.route.v3.VirtualHost.TlsRequirementType.ALL);
    });
  }
}
