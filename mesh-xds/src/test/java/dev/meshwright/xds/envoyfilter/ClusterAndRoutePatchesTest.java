package dev.meshwright.xds.envoyfilter;

import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.HOST;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.cluster;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.generate;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.listener;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.reviews;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.route;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Durations;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResources;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** CLUSTER, ROUTE_CONFIGURATION, VIRTUAL_HOST and HTTP_ROUTE patches. */
class ClusterAndRoutePatchesTest {
  @Test
  @DisplayName("CLUSTER MERGE by service and port replaces the connect timeout whole (10s + 0.25s is 0.25s)")
  void clusterMergeConnectTimeout() {
    String yaml = """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: timeout, namespace: shop}
        spec:
          configPatches:
          - applyTo: CLUSTER
            match:
              context: SIDECAR_OUTBOUND
              cluster: {service: reviews.shop.svc.corp.example, portNumber: 9080}
            patch:
              operation: MERGE
              value: {connect_timeout: 0.25s}
        """;
    XdsResources out = generate(yaml, reviews());
    assertThat(cluster(out, "outbound|9080||" + HOST).getConnectTimeout()).isEqualTo(Durations.fromMillis(250));
    assertThat(cluster(out, "outbound|3306||" + HOST).getConnectTimeout()).isEqualTo(Durations.fromSeconds(10));
    // inbound|9080|| is another context
    assertThat(cluster(out, "inbound|9080||").getConnectTimeout()).isEqualTo(Durations.fromSeconds(10));
  }

  @Test
  @DisplayName("CLUSTER on the inbound side matches the services the workload serves; REMOVE and ADD")
  void clusterInboundRemoveAndAdd() {
    String yaml = """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: clusters, namespace: shop}
        spec:
          configPatches:
          - applyTo: CLUSTER
            match: {context: SIDECAR_INBOUND, cluster: {service: reviews.shop.svc.corp.example, portNumber: 3306}}
            patch: {operation: REMOVE}
          - applyTo: CLUSTER
            patch:
              operation: ADD
              value:
                name: ratelimit
                type: STRICT_DNS
                connect_timeout: 1s
                load_assignment:
                  cluster_name: ratelimit
                  endpoints:
                  - lb_endpoints:
                    - endpoint: {address: {socket_address: {address: ratelimit.example, port_value: 8081}}}
        """;
    XdsResources out = generate(yaml, reviews());
    assertThat(out.of(TypeUrls.CLUSTER)).doesNotContainKey("inbound|3306||").containsKey("inbound|9080||")
        .containsKey("outbound|3306||" + HOST).containsKey("ratelimit");
    assertThat(cluster(out, "ratelimit").getType().name()).isEqualTo("STRICT_DNS");
  }

  @Test
  @DisplayName("HTTP_ROUTE MERGE sets a timeout on the named route of the 9080 route configuration only")
  void routeMerge() {
    String yaml = """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: route-timeout, namespace: shop}
        spec:
          configPatches:
          - applyTo: HTTP_ROUTE
            match:
              context: SIDECAR_OUTBOUND
              routeConfiguration:
                portNumber: 9080
                vhost:
                  name: reviews.shop.svc.corp.example:9080
                  route: {name: default, action: ROUTE}
            patch:
              operation: MERGE
              value: {route: {timeout: 3s}}
        """;
    XdsResources out = generate(yaml, reviews());
    VirtualHost vh = route(out, "9080").getVirtualHostsList().stream()
        .filter(v -> v.getName().equals(HOST + ":9080")).findFirst().orElseThrow();
    Route r = vh.getRoutes(0);
    assertThat(r.getRoute().getTimeout()).isEqualTo(Durations.fromSeconds(3));
    assertThat(r.getRoute().getCluster()).isEqualTo("outbound|9080||" + HOST);
    VirtualHost other = route(out, "9080").getVirtualHostsList().stream()
        .filter(v -> v.getName().equals("allow_any")).findFirst().orElseThrow();
    assertThat(other.getRoutes(0).getRoute().getTimeout()).isNotEqualTo(Durations.fromSeconds(3));
  }

  @Test
  @DisplayName("VIRTUAL_HOST ADD and REMOVE, HTTP_ROUTE INSERT_FIRST, ROUTE_CONFIGURATION MERGE")
  void virtualHostsAndRouteConfiguration() {
    String yaml = """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: vhosts, namespace: shop}
        spec:
          configPatches:
          - applyTo: VIRTUAL_HOST
            match: {context: SIDECAR_OUTBOUND, routeConfiguration: {vhost: {name: allow_any}}}
            patch: {operation: REMOVE}
          - applyTo: VIRTUAL_HOST
            match: {context: SIDECAR_OUTBOUND, routeConfiguration: {name: "9080"}}
            patch:
              operation: ADD
              value:
                name: health
                domains: [health.local]
                routes:
                - name: ok
                  match: {prefix: /}
                  direct_response: {status: 200}
          - applyTo: HTTP_ROUTE
            match: {context: SIDECAR_OUTBOUND, routeConfiguration: {vhost: {name: reviews.shop.svc.corp.example:9080}}}
            patch:
              operation: INSERT_FIRST
              value: {name: teapot, match: {prefix: /tea}, direct_response: {status: 418}}
          - applyTo: ROUTE_CONFIGURATION
            match: {context: SIDECAR_OUTBOUND, routeConfiguration: {portNumber: 9080}}
            patch:
              operation: MERGE
              value: {max_direct_response_body_size_bytes: 2048}
        """;
    var rc = route(generate(yaml, reviews()), "9080");
    assertThat(rc.getVirtualHostsList()).extracting(VirtualHost::getName)
        .containsExactly(HOST + ":9080", "health");
    assertThat(rc.getVirtualHosts(0).getRoutesList()).extracting(Route::getName).containsExactly("teapot", "default");
    assertThat(rc.getMaxDirectResponseBodySizeBytes().getValue()).isEqualTo(2048);
  }

  @Test
  @DisplayName("HTTP_ROUTE INSERT_BEFORE / INSERT_AFTER a named route, ADD last; naming a missing route inserts nothing")
  void routeInsertions() {
    String vhost = "{context: SIDECAR_OUTBOUND, routeConfiguration: {vhost: {name: reviews.shop.svc.corp.example:9080";
    String yaml = """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: routes, namespace: shop}
        spec:
          configPatches:
          - applyTo: HTTP_ROUTE
            match: %1$s, route: {name: default}}}}
            patch: {operation: INSERT_BEFORE, value: {name: before, match: {prefix: /b}, direct_response: {status: 204}}}
          - applyTo: HTTP_ROUTE
            match: %1$s, route: {name: default}}}}
            patch: {operation: INSERT_AFTER, value: {name: after, match: {prefix: /a}, direct_response: {status: 204}}}
          - applyTo: HTTP_ROUTE
            match: %1$s}}}
            patch: {operation: ADD, value: {name: added, match: {prefix: /z}, direct_response: {status: 204}}}
          - applyTo: HTTP_ROUTE
            match: %1$s, route: {name: missing}}}}
            patch: {operation: INSERT_AFTER, value: {name: never1, match: {prefix: /n}, direct_response: {status: 204}}}
          - applyTo: HTTP_ROUTE
            match: %1$s, route: {name: missing}}}}
            patch: {operation: INSERT_FIRST, value: {name: never2, match: {prefix: /n}, direct_response: {status: 204}}}
        """.formatted(vhost);
    var rc = route(generate(yaml, reviews()), "9080");
    assertThat(rc.getVirtualHostsList()).filteredOn(v -> v.getName().equals(HOST + ":9080")).singleElement()
        .satisfies(v -> assertThat(v.getRoutesList()).extracting(Route::getName)
            .containsExactly("before", "default", "after", "added"));
  }

  @Test
  @DisplayName("Route patches with context SIDECAR_INBOUND change the route configuration inside virtualInbound's HCM")
  void inboundInlineRoutes() {
    String yaml = """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: inbound-route, namespace: shop}
        spec:
          configPatches:
          - applyTo: HTTP_ROUTE
            match: {context: SIDECAR_INBOUND, routeConfiguration: {portNumber: 9080}}
            patch:
              operation: MERGE
              value: {route: {timeout: 7s}}
        """;
    XdsResources out = generate(yaml, reviews());
    var chains = listener(out, "virtualInbound").getFilterChainsList().stream()
        .filter(fc -> fc.getName().equals("0.0.0.0_9080")).toList();
    assertThat(chains).isNotEmpty().allSatisfy(fc -> {
      var rc = EnvoyFilterFixture.hcm(fc).getRouteConfig();
      assertThat(rc.getName()).isEqualTo("inbound|9080||");
      assertThat(rc.getVirtualHosts(0).getRoutes(0).getRoute().getTimeout()).isEqualTo(Durations.fromSeconds(7));
    });
    assertThat(route(out, "9080").getVirtualHosts(0).getRoutes(0).getRoute().getTimeout())
        .isNotEqualTo(Durations.fromSeconds(7));
  }

  @Test
  @DisplayName("CLUSTER MERGE with a transport socket merges its TLS context into the same-named socket of each match")
  void clusterTransportSocketMerge() throws Exception {
    String yaml = """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: sni, namespace: shop}
        spec:
          configPatches:
          - applyTo: CLUSTER
            match: {context: SIDECAR_OUTBOUND, cluster: {portNumber: 9080, service: reviews.shop.svc.corp.example}}
            patch:
              operation: MERGE
              value:
                connect_timeout: 1s
                transport_socket:
                  name: envoy.transport_sockets.tls
                  typed_config:
                    "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext
                    sni: custom.example
        """;
    var before = cluster(generate("", reviews()), "outbound|9080||" + HOST);
    var after = cluster(generate(yaml, reviews()), "outbound|9080||" + HOST);
    var tls = io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext.class;
    var was = before.getTransportSocketMatches(0).getTransportSocket().getTypedConfig().unpack(tls);
    var is = after.getTransportSocketMatches(0).getTransportSocket().getTypedConfig().unpack(tls);
    assertThat(is.getSni()).isEqualTo("custom.example");
    assertThat(is.getCommonTlsContext()).isEqualTo(was.getCommonTlsContext());
    // with a transport socket in the value, only the socket merges (istiod): the timeout stays
    assertThat(after.getConnectTimeout()).isEqualTo(before.getConnectTimeout());
  }
}
