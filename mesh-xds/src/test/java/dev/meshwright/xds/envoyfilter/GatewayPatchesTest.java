package dev.meshwright.xds.envoyfilter;

import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.HOST;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.cluster;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.generate;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.httpFilterNames;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.listener;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.route;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Durations;
import dev.meshwright.xds.MeshFixture;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResources;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Patches in context GATEWAY, on an ingress gateway serving reviews on port 80. */
class GatewayPatchesTest {
  private static final String GATEWAY = """
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: ingress, namespace: istio-system}
      spec:
        selector: {istio: ingressgateway}
        servers:
        - port: {number: 80, name: http, protocol: HTTP}
          hosts: ["*"]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: reviews, namespace: shop}
      spec:
        hosts: [reviews.example.com]
        gateways: [istio-system/ingress]
        http: [{route: [{destination: {host: reviews.shop.svc.corp.example, port: {number: 9080}}}]}]
      ---
      """;

  private static final String PATCHES = """
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata: {name: edge, namespace: istio-system}
      spec:
        workloadSelector: {labels: {istio: ingressgateway}}
        configPatches:
        - applyTo: HTTP_FILTER
          match:
            context: GATEWAY
            listener: {filterChain: {filter: {name: envoy.filters.network.http_connection_manager, subFilter: {name: envoy.filters.http.router}}}}
          patch:
            operation: INSERT_BEFORE
            value: {name: edge-lua, typed_config: {"@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua}}
        - applyTo: HTTP_ROUTE
          match: {context: GATEWAY, routeConfiguration: {portNumber: 80, vhost: {route: {action: ROUTE}}}}
          patch: {operation: MERGE, value: {route: {timeout: 4s}}}
        - applyTo: CLUSTER
          match: {context: GATEWAY, cluster: {service: reviews.shop.svc.corp.example}}
          patch: {operation: MERGE, value: {connect_timeout: 2s}}
        - applyTo: CLUSTER
          match: {context: SIDECAR_OUTBOUND}
          patch: {operation: MERGE, value: {connect_timeout: 9s}}
      """;

  private static Proxy gateway() {
    return MeshFixture.proxy("router", "10.9.0.7", "istio-system", Map.of("istio", "ingressgateway"), Map.of());
  }

  @Test
  @DisplayName("GATEWAY patches reach the gateway's listener, http.80 routes and clusters; sidecar ones do not")
  void gatewayContext() {
    XdsResources out = generate(EnvoyFilterFixture.snapshot(GATEWAY + PATCHES), gateway());
    assertThat(httpFilterNames(listener(out, "0.0.0.0_80").getFilterChains(0)))
        .endsWith("edge-lua", "envoy.filters.http.router");
    assertThat(route(out, "http.80").getVirtualHostsList()).isNotEmpty().allSatisfy(vh ->
        assertThat(vh.getRoutesList()).allSatisfy(r ->
            assertThat(r.getRoute().getTimeout()).isEqualTo(Durations.fromSeconds(4))));
    assertThat(cluster(out, "outbound|9080||" + HOST).getConnectTimeout()).isEqualTo(Durations.fromSeconds(2));
    assertThat(out.diagnostics()).noneMatch(d -> d.isError());
  }

  @Test
  @DisplayName("the gateway's EnvoyFilter (selector istio=ingressgateway) leaves sidecars alone")
  void sidecarUnaffected() {
    XdsResources out = generate(EnvoyFilterFixture.snapshot(GATEWAY + PATCHES), EnvoyFilterFixture.reviews());
    assertThat(cluster(out, "outbound|9080||" + HOST).getConnectTimeout()).isEqualTo(Durations.fromSeconds(10));
    assertThat(out.of(TypeUrls.LISTENER)).containsKey("0.0.0.0_9080");
  }

  @Test
  @DisplayName("gateway port map: route http.8080 of a port-80 server matches portNumber 80, not 8080")
  void gatewayPortMap() {
    String service = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: ingressgateway, namespace: istio-system}
        spec:
          hosts: [istio-ingressgateway.istio-system.svc.corp.example]
          ports: [{number: 80, name: http, protocol: HTTP, targetPort: 8080}]
          location: MESH_INTERNAL
          resolution: STATIC
          endpoints: [{address: 10.9.0.7, labels: {istio: ingressgateway}}]
        ---
        """;
    String patches = """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: ports, namespace: istio-system}
        spec:
          configPatches:
          - applyTo: VIRTUAL_HOST
            match: {context: GATEWAY, routeConfiguration: {portNumber: 80}}
            patch: {operation: ADD, value: {name: by-server-port, domains: [a.example]}}
          - applyTo: VIRTUAL_HOST
            match: {context: GATEWAY, routeConfiguration: {portNumber: 8080}}
            patch: {operation: ADD, value: {name: by-target-port, domains: [b.example]}}
        """;
    XdsResources out = generate(EnvoyFilterFixture.snapshot(service + GATEWAY + patches), gateway());
    assertThat(route(out, "http.8080").getVirtualHostsList())
        .extracting(io.envoyproxy.envoy.config.route.v3.VirtualHost::getName)
        .contains("by-server-port").doesNotContain("by-target-port");
  }
}
