package dev.meshwright.xds.listener;

import dev.meshwright.api.validation.Protocol;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One outbound filter chain before it is built (istiod's {@code filterChainOpts}): what it matches (SNI, destination
 * CIDRs, ALPN, transport) and either its network filters or the RDS name of its connection manager.
 *
 * @param sniHosts server names to match ({@code *} = any)
 * @param cidrs destination CIDRs to match
 * @param alpn application protocols to match
 * @param transport the transport protocol to match, empty for any
 * @param filters the network filters (TCP chains)
 * @param rds the route configuration name (HTTP chains), null for TCP chains
 * @param protocol the port protocol (HTTP chains)
 * @param metadata the {@code istio.config} metadata naming the VirtualService, null when none
 */
record ChainOpt(List<String> sniHosts, List<String> cidrs, List<String> alpn, String transport, List<Filter> filters,
    String rds, Protocol protocol, Metadata metadata) {

  static ChainOpt tcp(List<String> sniHosts, List<String> cidrs, List<Filter> filters, Metadata metadata) {
    return new ChainOpt(sniHosts, cidrs, List.of(), "", filters, null, null, metadata);
  }

  static ChainOpt http(String rds, Protocol protocol) {
    return new ChainOpt(List.of(), List.of(), List.of(), "", List.of(), rds, protocol, null);
  }

  ChainOpt sniffed() {
    return new ChainOpt(sniHosts, cidrs, InboundMatchOptions.PLAINTEXT_HTTP_ALPNS, InboundMatchOptions.RAW, filters,
        rds, protocol, metadata);
  }

  boolean isHttp() {
    return rds != null;
  }

  /** Matches everything: no SNI (or {@code *}), no ALPN, no transport, no CIDR. */
  boolean matchAll() {
    return (sniHosts.isEmpty() || sniHosts.contains("*")) && alpn.isEmpty() && transport.isEmpty() && cidrs.isEmpty();
  }

  /** Whether both chains match the same traffic (istiod's {@code conflictsWith}). */
  boolean conflictsWith(ChainOpt o) {
    return transport.equals(o.transport) && alpn.equals(o.alpn) && Objects.equals(sniSet(sniHosts), sniSet(o.sniHosts))
        && Objects.equals(cidrSet(cidrs), cidrSet(o.cidrs));
  }

  private static Set<String> sniSet(List<String> sni) {
    if (sni.isEmpty()) {
      return null;
    }
    Set<String> out = new TreeSet<>(sni);
    out.remove("*");
    return out;
  }

  private static Set<String> cidrSet(List<String> cidrs) {
    if (cidrs.isEmpty()) {
      return null;
    }
    Set<String> out = new TreeSet<>();
    for (String c : cidrs) {
      String addr = c.contains("/") ? c.substring(0, c.indexOf('/')) : c;
      if (!addr.equals(Names.WILDCARD_V4) && !c.equals("*")) {
        out.add(c.contains("/") ? c : c + (c.contains(":") ? "/128" : "/32"));
      }
    }
    return out;
  }
}
