package dev.meshwright.xds.envoyfilter;

import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.generate;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.hcm;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.httpFilterNames;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.listener;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.networkFilterNames;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.reviews;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResources;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.http.lua.v3.Lua;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** LISTENER, LISTENER_FILTER, FILTER_CHAIN, NETWORK_FILTER and HTTP_FILTER patches on a sidecar's listeners. */
class ListenerPatchesTest {
  private static final String LUA_BEFORE_ROUTER = """
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata: {name: lua, namespace: shop}
      spec:
        configPatches:
        - applyTo: HTTP_FILTER
          match:
            context: SIDECAR_OUTBOUND
            listener:
              portNumber: 9080
              filterChain:
                filter:
                  name: envoy.filters.network.http_connection_manager
                  subFilter: {name: envoy.filters.http.router}
          patch:
            operation: INSERT_BEFORE
            value:
              name: envoy.filters.http.lua
              typed_config:
                "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
                defaultSourceCode:
                  inlineString: "function envoy_on_request(h) h:headers():add('x-shop', '1') end"
      """;

  @Test
  @DisplayName("HTTP_FILTER INSERT_BEFORE puts a Lua filter right before the router, outbound on port 9080 only")
  void luaBeforeRouter() throws Exception {
    XdsResources out = generate(LUA_BEFORE_ROUTER, reviews());
    FilterChain chain = listener(out, "0.0.0.0_9080").getFilterChains(0);
    assertThat(httpFilterNames(chain)).endsWith("envoy.filters.http.lua", "envoy.filters.http.router");
    Lua lua = hcm(chain).getHttpFilters(httpFilterNames(chain).indexOf("envoy.filters.http.lua"))
        .getTypedConfig().unpack(Lua.class);
    assertThat(lua.getDefaultSourceCode().getInlineString()).contains("x-shop");
    // the inbound side is another context
    listener(out, "virtualInbound").getFilterChainsList().stream().filter(fc -> fc.getFiltersList().stream()
        .anyMatch(f -> f.getName().equals(ListenerPatches.HCM)))
        .forEach(fc -> assertThat(httpFilterNames(fc)).doesNotContain("envoy.filters.http.lua"));
    assertThat(out.diagnostics()).noneMatch(d -> d.isError());
  }

  @Test
  @DisplayName("HTTP_FILTER INSERT_FIRST, INSERT_AFTER, REPLACE and REMOVE keep istiod's positions")
  void httpFilterOperations() {
    String yaml = """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: ops, namespace: shop}
        spec:
          configPatches:
          - applyTo: HTTP_FILTER
            match: {context: SIDECAR_OUTBOUND, listener: {name: 0.0.0.0_9080}}
            patch:
              operation: INSERT_FIRST
              value: {name: first, typed_config: {"@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua}}
          - applyTo: HTTP_FILTER
            match:
              context: SIDECAR_OUTBOUND
              listener: {name: 0.0.0.0_9080, filterChain: {filter: {name: envoy.filters.network.http_connection_manager, subFilter: {name: envoy.filters.http.fault}}}}
            patch:
              operation: INSERT_AFTER
              value: {name: after-fault, typed_config: {"@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua}}
          - applyTo: HTTP_FILTER
            match:
              context: SIDECAR_OUTBOUND
              listener: {name: 0.0.0.0_9080, filterChain: {filter: {name: envoy.filters.network.http_connection_manager, subFilter: {name: envoy.filters.http.cors}}}}
            patch: {operation: REMOVE}
          - applyTo: HTTP_FILTER
            match:
              context: SIDECAR_OUTBOUND
              listener: {name: 0.0.0.0_9080, filterChain: {filter: {name: envoy.filters.network.http_connection_manager, subFilter: {name: envoy.filters.http.grpc_stats}}}}
            patch:
              operation: REPLACE
              value: {name: replaced, typed_config: {"@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua}}
        """;
    FilterChain chain = listener(generate(yaml, reviews()), "0.0.0.0_9080").getFilterChains(0);
    assertThat(httpFilterNames(chain)).containsExactly("first", "istio.metadata_exchange", "replaced", "istio.alpn",
        "envoy.filters.http.fault", "after-fault", "envoy.filters.http.router");
  }

  @Test
  @DisplayName("NETWORK_FILTER REMOVE drops a named filter from every inbound chain and from no outbound one")
  void removeNetworkFilter() {
    String yaml = """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: no-mx, namespace: shop}
        spec:
          configPatches:
          - applyTo: NETWORK_FILTER
            match:
              context: SIDECAR_INBOUND
              listener: {filterChain: {filter: {name: istio.metadata_exchange}}}
            patch: {operation: REMOVE}
        """;
    XdsResources out = generate(yaml, reviews());
    Listener inbound = listener(out, "virtualInbound");
    assertThat(inbound.getFilterChainsList()).isNotEmpty()
        .allSatisfy(fc -> assertThat(networkFilterNames(fc)).doesNotContain("istio.metadata_exchange"));
    // HTTP filters of the same name are another kind of object
    assertThat(inbound.getFilterChainsList()).filteredOn(fc -> networkFilterNames(fc).contains(ListenerPatches.HCM))
        .allSatisfy(fc -> assertThat(httpFilterNames(fc)).contains("istio.metadata_exchange"));
    assertThat(networkFilterNames(listener(generate("", reviews()), "virtualInbound").getFilterChains(0)))
        .contains("istio.metadata_exchange");
  }

  @Test
  @DisplayName("NETWORK_FILTER MERGE merges the unpacked typed config: tcp_proxy gets an idle timeout, keeps its cluster")
  void mergeNetworkFilter() throws Exception {
    String yaml = """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: idle, namespace: shop}
        spec:
          configPatches:
          - applyTo: NETWORK_FILTER
            match:
              context: SIDECAR_OUTBOUND
              listener: {portNumber: 3306, filterChain: {filter: {name: envoy.filters.network.tcp_proxy}}}
            patch:
              operation: MERGE
              value:
                name: envoy.filters.network.tcp_proxy
                typed_config:
                  "@type": type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy
                  idle_timeout: 30s
        """;
    Listener l = listener(generate(yaml, reviews()), "240.0.0.10_3306");
    var tcp = l.getFilterChains(0).getFilters(0).getTypedConfig()
        .unpack(io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy.class);
    assertThat(tcp.getIdleTimeout().getSeconds()).isEqualTo(30);
    assertThat(tcp.getCluster()).isEqualTo("outbound|3306||" + EnvoyFilterFixture.HOST);
  }

  @Test
  @DisplayName("LISTENER ADD adds a listener, LISTENER REMOVE drops one, FILTER_CHAIN MERGE renames a chain")
  void listenerAddRemoveAndChainMerge() {
    String yaml = """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: listeners, namespace: shop}
        spec:
          configPatches:
          - applyTo: LISTENER
            patch:
              operation: ADD
              value:
                name: extra_8443
                address: {socket_address: {address: 0.0.0.0, port_value: 8443}}
                filter_chains:
                - filters:
                  - name: envoy.filters.network.tcp_proxy
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy
                      stat_prefix: extra
                      cluster: BlackHoleCluster
          - applyTo: LISTENER
            match: {context: SIDECAR_OUTBOUND, listener: {portNumber: 3306}}
            patch: {operation: REMOVE}
          - applyTo: FILTER_CHAIN
            match: {context: SIDECAR_OUTBOUND, listener: {name: virtualOutbound, filterChain: {name: virtualOutbound-catchall-tcp}}}
            patch:
              operation: MERGE
              value: {name: catchall-renamed}
        """;
    XdsResources out = generate(yaml, reviews());
    assertThat(out.of(TypeUrls.LISTENER)).containsKey("extra_8443").doesNotContainKey("240.0.0.10_3306");
    assertThat(listener(out, "virtualOutbound").getFilterChainsList()).extracting(FilterChain::getName)
        .contains("catchall-renamed").doesNotContain("virtualOutbound-catchall-tcp");
    assertThat(out.diagnostics()).noneMatch(d -> d.isError());
  }

  @Test
  @DisplayName("LISTENER_FILTER INSERT_FIRST adds a listener filter ahead of the existing ones on virtualInbound")
  void listenerFilterInsertFirst() {
    String yaml = """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: lf, namespace: shop}
        spec:
          configPatches:
          - applyTo: LISTENER_FILTER
            match: {context: SIDECAR_INBOUND, listener: {name: virtualInbound}}
            patch:
              operation: INSERT_FIRST
              value:
                name: envoy.filters.listener.proxy_protocol
                typed_config: {"@type": type.googleapis.com/envoy.extensions.filters.listener.proxy_protocol.v3.ProxyProtocol}
        """;
    Listener l = listener(generate(yaml, reviews()), "virtualInbound");
    assertThat(l.getListenerFilters(0).getName()).isEqualTo("envoy.filters.listener.proxy_protocol");
    assertThat(l.getListenerFiltersCount()).isGreaterThan(1);
  }
}
