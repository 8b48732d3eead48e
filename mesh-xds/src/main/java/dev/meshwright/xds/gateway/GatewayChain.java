package dev.meshwright.xds.gateway;

import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One gateway filter chain before assembly: what it matches (SNI names, ALPN), the TLS it terminates, and its
 * network filters. Immutable.
 *
 * @param sniHosts server names to match; none, or one of them {@code *}, means any
 * @param applicationProtocols ALPN values to match
 * @param tls the TLS context when the chain terminates TLS
 * @param filters the network filters (an HTTP connection manager or a TCP proxy stack)
 */
record GatewayChain(List<String> sniHosts, List<String> applicationProtocols, Optional<DownstreamTlsContext> tls,
    List<Filter> filters) {
  GatewayChain {
    sniHosts = List.copyOf(sniHosts);
    applicationProtocols = List.copyOf(applicationProtocols);
    filters = List.copyOf(filters);
  }

  /** Whether the listener needs a TLS inspector for this chain (SNI to match, or ALPN to negotiate). */
  boolean needsTlsInspector() {
    return !sniHosts.isEmpty() || tls.map(t -> t.getCommonTlsContext().getAlpnProtocolsCount() > 0).orElse(false);
  }

  /** The Envoy chain: no match at all when it matches everything, server names sorted. */
  FilterChain toFilterChain() {
    FilterChain.Builder b = FilterChain.newBuilder().addAllFilters(filters);
    boolean anySni = sniHosts.isEmpty() || sniHosts.contains("*");
    if (!anySni || !applicationProtocols.isEmpty()) {
      FilterChainMatch.Builder m = FilterChainMatch.newBuilder().addAllApplicationProtocols(applicationProtocols);
      if (!anySni) {
        List<String> sorted = new ArrayList<>(sniHosts);
        sorted.sort(null);
        m.addAllServerNames(sorted);
      }
      b.setFilterChainMatch(m);
    }
    tls.ifPresent(t -> b.setTransportSocket(GatewayTls.socket(t)));
    return b.build();
  }
}
