package dev.meshwright.xds.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.MeshResource;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigView;
import dev.meshwright.model.gateway.GatewayApiReader;
import dev.meshwright.model.gateway.GatewayApiResult;
import dev.meshwright.model.gateway.GatewayApiTranslator;
import dev.meshwright.model.gateway.GatewayEnvironment;
import dev.meshwright.model.gateway.SecretLookup;
import dev.meshwright.model.gateway.ServiceLookup;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.XdsOptions;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Kubernetes Gateway API objects reach the router through mesh-model's conversion, fed into the snapshot. */
class GatewayApiFlowTest {
  private static final String GATEWAY_API = """
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: istio}
      spec: {controllerName: istio.io/gateway-controller}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: gw, namespace: edge}
      spec:
        gatewayClassName: istio
        listeners:
        - {name: web, hostname: "*.corp.example", port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
        - name: secure
          hostname: shop.corp.example
          port: 443
          protocol: HTTPS
          tls: {mode: Terminate, certificateRefs: [{name: shop-cert}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: shop, namespace: apps}
      spec:
        parentRefs: [{name: gw, namespace: edge, sectionName: web}]
        hostnames: [shop.corp.example]
        rules: [{backendRefs: [{name: shop, port: 8080}]}]
      """;

  private static final String REGISTRY = """
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: gw-istio, namespace: edge}
      spec:
        hosts: [gw-istio.edge.svc.cluster.local]
        location: MESH_INTERNAL
        resolution: STATIC
        ports: [{number: 80, name: http, protocol: HTTP}, {number: 443, name: https, protocol: HTTPS}]
        endpoints: [{address: 10.9.0.7}]
      """;

  @Test
  @DisplayName("a converted Gateway API gateway selects the pods of its service and gives them listeners, routes and kubernetes-gateway:// SDS")
  void gatewayApiToRouterConfig() {
    GatewayApiReader reader = new GatewayApiReader().add("gwapi.yaml", GATEWAY_API);
    assertThat(reader.diagnostics()).isEmpty();
    GatewayApiResult converted = new GatewayApiTranslator(new GatewayEnvironment("cluster.local",
        ServiceLookup.none(), (ns, name) -> SecretLookup.SecretCheck.valid(), Map.of("edge", Map.of(), "apps", Map.of()),
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))).translate(reader.resources());
    List<MeshResource> all = new ArrayList<>(MeshYaml.read("registry.yaml", REGISTRY).resources());
    all.addAll(converted.config());
    MeshSnapshot s = MeshTranslator.create().translate(ConfigView.of(all), MeshConfigs.defaults());
    ProxyContext ctx = ProxyContext.of(s, NodeIds.parse("router~10.9.0.7~gw-istio-abc.edge~edge.svc.cluster.local",
        Map.of("NAMESPACE", "edge", "LABELS", Map.of("gateway.networking.k8s.io/gateway-name", "gw"))).orThrow(),
        XdsOptions.defaults());

    Map<String, Listener> ls = GatewayFixtures.listeners(ctx);
    assertThat(ls).containsOnlyKeys("0.0.0.0_80", "0.0.0.0_443");
    var tls = GatewayFixtures.tls(ls.get("0.0.0.0_443").getFilterChains(0));
    assertThat(tls.getCommonTlsContext().getTlsCertificateSdsSecretConfigs(0).getName())
        .isEqualTo("kubernetes-gateway://edge/shop-cert");
    RouteConfiguration http = GatewayFixtures.routes(ctx, Set.of("http.80")).get("http.80");
    assertThat(http.getVirtualHostsList()).singleElement().satisfies(vh -> {
      assertThat(vh.getName()).isEqualTo("shop.corp.example:80");
      assertThat(vh.getRoutes(0).getRoute().getCluster()).isEqualTo("outbound|8080||shop.apps.svc.cluster.local");
    });
    assertThat(MergedGateway.of(ctx).verifiedCredentials()).contains("kubernetes-gateway://edge/shop-cert");
  }
}
