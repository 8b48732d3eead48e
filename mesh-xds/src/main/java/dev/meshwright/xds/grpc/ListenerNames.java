package dev.meshwright.xds.grpc;

import dev.meshwright.xds.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The listener names a gRPC client asked for, parsed as istiod's {@code newListenerNameFilter}: {@code host[:port]}
 * names indexed by host and by its FQDN (short names completed with the proxy's DNS domain), remembering which
 * requested spellings map to a host and which ports (none = all); inbound names
 * ({@code xds.istio.io/grpc/lds/inbound/<ip>:<port>}) kept apart. Immutable once built.
 */
final class ListenerNames {
  static final String INBOUND_PREFIX = "xds.istio.io/grpc/lds/inbound/";

  /** The spellings asked for one host and the ports wanted (empty = every port). */
  record Wanted(Set<String> requested, Set<String> ports) {}

  private final Map<String, Wanted> byHost = new LinkedHashMap<>();
  private final List<String> inbound = new ArrayList<>();
  private final boolean all;

  private ListenerNames(boolean all) {
    this.all = all;
  }

  static ListenerNames parse(Set<String> names, Proxy proxy) {
    ListenerNames out = new ListenerNames(names.isEmpty());
    for (String name : new TreeSet<>(names)) {
      if (name.startsWith(INBOUND_PREFIX)) {
        out.inbound.add(name);
        continue;
      }
      Optional<String[]> hp = splitHostPort(name);
      String requested = hp.map(a -> a[0]).orElse(name);
      List<String> hosts = new ArrayList<>();
      hosts.add(requested);
      fqdn(requested, proxy).ifPresent(hosts::add);
      for (String h : hosts) {
        Wanted prev = out.byHost.get(h);
        Set<String> requestedNames = new TreeSet<>(prev == null ? Set.of() : prev.requested());
        requestedNames.add(requested);
        Set<String> ports;
        if (hp.isPresent() && (prev == null || !prev.ports().isEmpty())) {
          ports = new TreeSet<>(prev == null ? Set.of() : prev.ports());
          ports.add(hp.get()[1]);
        } else if (hp.isEmpty()) {
          ports = Set.of();
        } else {
          ports = prev.ports();
        }
        out.byHost.put(h, new Wanted(requestedNames, ports));
      }
    }
    return out;
  }

  /** What was asked for {@code host}; with no names at all, the host itself with every port. */
  Optional<Wanted> get(String host) {
    if (all) {
      return Optional.of(new Wanted(Set.of(host), Set.of()));
    }
    return Optional.ofNullable(byHost.get(host));
  }

  List<String> inbound() {
    return inbound;
  }

  /** {@code host:port}, {@code [v6]:port}; empty when there is no port. */
  static Optional<String[]> splitHostPort(String s) {
    if (s.startsWith("[")) {
      int close = s.indexOf("]:");
      return close < 0 ? Optional.empty() : Optional.of(new String[] {s.substring(1, close), s.substring(close + 2)});
    }
    int colon = s.lastIndexOf(':');
    if (colon < 0 || s.indexOf(':') != colon) {
      return Optional.empty();
    }
    return Optional.of(new String[] {s.substring(0, colon), s.substring(colon + 1)});
  }

  /** {@code host:port} with brackets around IPv6 hosts (Go's net.JoinHostPort). */
  static String joinHostPort(String host, String port) {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }

  /** istiod's {@code tryFindFQDN}: a dot-less name gets the proxy's DNS domain; {@code name.ns[.svc]} too. */
  static Optional<String> fqdn(String name, Proxy proxy) {
    if (!name.contains(".")) {
      return Optional.of(name + "." + proxy.dnsDomain());
    }
    for (String suffix : List.of(proxy.namespace(), proxy.namespace() + ".svc")) {
      String trimmed = name.endsWith("." + suffix) ? name.substring(0, name.length() - suffix.length() - 1) : name;
      if (!trimmed.equals(name) && proxy.dnsDomain().startsWith(suffix)) {
        return Optional.of(trimmed + "." + proxy.dnsDomain());
      }
    }
    return Optional.empty();
  }
}
