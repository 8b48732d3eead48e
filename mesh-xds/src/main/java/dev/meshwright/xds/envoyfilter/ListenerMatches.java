package dev.meshwright.xds.envoyfilter;

import dev.meshwright.api.networking.EnvoyFilterFilterChainMatch;
import dev.meshwright.api.networking.EnvoyFilterFilterMatch;
import dev.meshwright.api.networking.EnvoyFilterListenerMatch;
import dev.meshwright.api.networking.EnvoyFilterSpec.ApplyTo;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.Optional;

/**
 * istiod's listener-side match rules for a patch: listener name and port (the virtual listeners match any port
 * for patches below LISTENER, their chains then match by destination port), filter chain name, SNI, transport
 * protocol, ALPN (every listed protocol present) and destination port, and the network, HTTP and listener filter
 * names. An absent match matches everything. Stateless.
 */
final class ListenerMatches {
  static final String VIRTUAL_INBOUND = "virtualInbound";
  static final String VIRTUAL_OUTBOUND = "virtualOutbound";

  private ListenerMatches() {}

  private static Optional<EnvoyFilterListenerMatch> of(Patch p) {
    return p.match().listener();
  }

  private static boolean isVirtual(Listener l) {
    return l.getName().equals(VIRTUAL_INBOUND) || l.getName().equals(VIRTUAL_OUTBOUND);
  }

  static boolean listener(Listener l, Patch p) {
    Optional<EnvoyFilterListenerMatch> m = of(p);
    if (m.isEmpty()) {
      return true;
    }
    if (m.get().name().filter(n -> !n.isEmpty()).filter(n -> !n.equals(l.getName())).isPresent()) {
      return false;
    }
    if (p.applyTo() != ApplyTo.LISTENER && isVirtual(l)) {
      return true;
    }
    int port = m.get().portNumber().orElse(0);
    if (port != 0) {
      return l.getAddress().hasSocketAddress() && l.getAddress().getSocketAddress().getPortValue() == port;
    }
    return true;
  }

  static boolean filterChain(Listener l, FilterChain fc, Patch p) {
    Optional<EnvoyFilterListenerMatch> m = of(p);
    if (m.isEmpty()) {
      return true;
    }
    FilterChainMatch fcm = fc.getFilterChainMatch();
    int port = m.get().portNumber().orElse(0);
    if (isVirtual(l) && port > 0 && fcm.getDestinationPort().getValue() != port) {
      return false;
    }
    if (m.get().filterChain().isEmpty()) {
      return true;
    }
    EnvoyFilterFilterChainMatch want = m.get().filterChain().get();
    if (want.name().filter(n -> !n.isEmpty()).filter(n -> !n.equals(fc.getName())).isPresent()) {
      return false;
    }
    String sni = want.sni().orElse("");
    if (!sni.isEmpty() && (!fc.hasFilterChainMatch() || !fcm.getServerNamesList().contains(sni))) {
      return false;
    }
    String transport = want.transportProtocol().orElse("");
    if (!transport.isEmpty() && (!fc.hasFilterChainMatch() || !fcm.getTransportProtocol().equals(transport))) {
      return false;
    }
    String alpn = want.applicationProtocols().orElse("");
    if (!alpn.isEmpty()) {
      if (!fc.hasFilterChainMatch()) {
        return false;
      }
      for (String proto : alpn.split(",", -1)) {
        if (!fcm.getApplicationProtocolsList().contains(proto)) {
          return false;
        }
      }
    }
    int destination = want.destinationPort().orElse(0);
    if (destination > 0 && (!fc.hasFilterChainMatch() || !fcm.hasDestinationPort()
        || fcm.getDestinationPort().getValue() != destination)) {
      return false;
    }
    return true;
  }

  private static Optional<EnvoyFilterFilterMatch> filterMatch(Patch p) {
    return of(p).flatMap(EnvoyFilterListenerMatch::filterChain).flatMap(EnvoyFilterFilterChainMatch::filter);
  }

  /** Whether the patch names a network filter (its position for INSERT_*, its target for REPLACE and REMOVE). */
  static boolean namesNetworkFilter(Patch p) {
    return filterMatch(p).isPresent();
  }

  static boolean networkFilter(Filter f, Patch p) {
    return filterMatch(p).map(m -> m.name().orElse("").equals(f.getName())).orElse(true);
  }

  static boolean namesHttpFilter(Patch p) {
    return filterMatch(p).flatMap(EnvoyFilterFilterMatch::subFilter).isPresent();
  }

  static boolean httpFilter(HttpFilter f, Patch p) {
    return filterMatch(p).flatMap(EnvoyFilterFilterMatch::subFilter)
        .map(m -> m.name().orElse("").equals(f.getName())).orElse(true);
  }

  static boolean namesListenerFilter(Patch p) {
    return of(p).flatMap(EnvoyFilterListenerMatch::listenerFilter).filter(n -> !n.isEmpty()).isPresent();
  }

  static boolean listenerFilter(ListenerFilter f, Patch p) {
    return !namesListenerFilter(p) || of(p).get().listenerFilter().get().equals(f.getName());
  }
}
