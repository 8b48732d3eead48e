package dev.meshwright.xds.listener;

import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilterChainMatchPredicate;
import io.envoyproxy.envoy.type.v3.Int32Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TLS and HTTP inspectors of an inbound listener, enabled only for the destination ports whose chains need them
 * (listener_inbound.go › populateListenerFilters): a chain matching transport {@code tls} needs the TLS inspector,
 * one matching ALPN {@code http/1.1} or {@code h2c} the HTTP inspector. Port 0 stands for chains without a
 * destination port. The TLS inspector is off for the ports that do not need it when the port-less chains do (and on
 * only for the ports that need it otherwise); the HTTP inspector is off for every port that does not need it.
 */
final class Inspectors {
  private Inspectors() {}

  private record Need(boolean tls, boolean http) {
    Need or(Need o) {
      return new Need(tls || o.tls, http || o.http);
    }
  }

  static List<ListenerFilter> forChains(List<FilterChain> chains) {
    Map<Integer, Need> byPort = new TreeMap<>();
    for (FilterChain fc : chains) {
      int port = fc.getFilterChainMatch().getDestinationPort().getValue();
      boolean tls = fc.getFilterChainMatch().getTransportProtocol().equals(InboundMatchOptions.TLS);
      boolean http = fc.getFilterChainMatch().getApplicationProtocolsList().stream()
          .anyMatch(a -> a.equals("http/1.1") || a.equals("h2c"));
      byPort.merge(port, new Need(tls, http), Need::or);
    }
    List<ListenerFilter> out = new ArrayList<>();
    if (byPort.values().stream().anyMatch(Need::tls)) {
      out.add(tlsInspector(byPort));
    }
    if (byPort.values().stream().anyMatch(Need::http)) {
      List<Integer> off = byPort.entrySet().stream().filter(e -> !e.getValue().http()).map(Map.Entry::getKey).toList();
      out.add(off.isEmpty() ? Listeners.httpInspector()
          : Listeners.httpInspector().toBuilder().setFilterDisabled(excludePorts(off)).build());
    }
    return out;
  }

  private static ListenerFilter tlsInspector(Map<Integer, Need> byPort) {
    boolean byDefault = byPort.getOrDefault(0, new Need(false, false)).tls();
    List<Integer> ports = byPort.entrySet().stream()
        .filter(e -> e.getKey() != 0 && e.getValue().tls() != byDefault).map(Map.Entry::getKey).toList();
    if (ports.isEmpty()) {
      return Listeners.tlsInspector();
    }
    ListenerFilterChainMatchPredicate disabled = byDefault ? excludePorts(ports)
        : ListenerFilterChainMatchPredicate.newBuilder().setNotMatch(excludePorts(ports)).build();
    return Listeners.tlsInspector().toBuilder().setFilterDisabled(disabled).build();
  }

  /** A predicate true on the given destination ports (the filter is disabled there). */
  static ListenerFilterChainMatchPredicate excludePorts(List<Integer> ports) {
    List<ListenerFilterChainMatchPredicate> ranges = new ArrayList<>();
    for (int p : ports) {
      ranges.add(ListenerFilterChainMatchPredicate.newBuilder()
          .setDestinationPortRange(Int32Range.newBuilder().setStart(p).setEnd(p + 1)).build());
    }
    if (ranges.size() == 1) {
      return ranges.get(0);
    }
    return ListenerFilterChainMatchPredicate.newBuilder()
        .setOrMatch(ListenerFilterChainMatchPredicate.MatchSet.newBuilder().addAllRules(ranges)).build();
  }
}
