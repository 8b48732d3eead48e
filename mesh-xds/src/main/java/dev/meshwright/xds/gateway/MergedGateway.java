package dev.meshwright.xds.gateway;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.Severity;
import dev.meshwright.api.networking.Gateway;
import dev.meshwright.api.networking.Server;
import dev.meshwright.api.networking.ServerTLSSettings;
import dev.meshwright.api.networking.ServerTLSSettings.TLSmode;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.model.snapshot.GatewayIndex;
import dev.meshwright.xds.ProxyContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Gateways that select one gateway proxy, merged into one logical gateway as istiod's {@code mergeGateways}
 * does: servers grouped per (listen port, bind) in first-seen order, Service ports translated to target ports,
 * plain HTTP servers of one port sharing route {@code http.<port>}, TLS servers told apart by SNI (duplicate
 * hosts on one port are dropped with a diagnostic), HTTPS servers that terminate TLS each with their own route
 * {@code https.<port>.<portName>.<gateway>.<namespace>}. Immutable.
 */
public final class MergedGateway {
  /** Istio's label that opts a Service out of Gateway port → target port translation. */
  static final String DISABLE_PORT_TRANSLATION = "experimental.istio.io/disable-gateway-port-translation";

  /**
   * A listening address: the port the proxy binds, the first server's protocol, and the bind address (empty for
   * the wildcard).
   */
  public record ServerPort(int number, String protocol, String bind) {}

  /**
   * One server of one Gateway as merged.
   *
   * @param server the server with hosts normalized ({@code ./h} → {@code <ns>/h}, {@code *}{@code /h} → {@code h})
   * @param gateway the owning Gateway as {@code namespace/name}
   * @param gatewayNamespace its namespace
   * @param listenPort the port the proxy listens on for it (the target port of a matching Service port)
   * @param routeName its RDS name, empty for TCP and passthrough servers
   * @param sniHosts the SNI names of a TLS server: hosts without {@code ns/}, de-duplicated, sorted
   */
  public record BoundServer(Server server, String gateway, String gatewayNamespace, int listenPort, String routeName,
      List<String> sniHosts) {
    /** The server port number as written in the Gateway. */
    public int serverPort() {
      return server.port().flatMap(p -> p.number()).orElse(0);
    }
  }

  /** The servers sharing one listening address, and the route name of its plain HTTP servers. */
  public record PortServers(ServerPort port, List<BoundServer> servers, String routeName) {}

  private final List<PortServers> ports;
  private final Map<String, List<BoundServer>> serversByRouteName;
  private final Set<String> verifiedCredentials;
  private final List<Diagnostic> diagnostics;

  private MergedGateway(List<PortServers> ports, Map<String, List<BoundServer>> byRoute, Set<String> verified,
      List<Diagnostic> diagnostics) {
    this.ports = List.copyOf(ports);
    Map<String, List<BoundServer>> copy = new LinkedHashMap<>();
    byRoute.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.serversByRouteName = java.util.Collections.unmodifiableMap(copy);
    this.verifiedCredentials = Set.copyOf(verified);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The merged Gateways of {@code ctx}'s proxy; empty (no ports) when no Gateway selects it. */
  public static MergedGateway of(ProxyContext ctx) {
    return ctx.local(new Merged(), () -> merge(ctx));
  }

  /** Context key of the merged gateway: listeners, routes and secrets of one generation share one merge. */
  private record Merged() {}

  private static MergedGateway merge(ProxyContext ctx) {
    Set<String> served = new HashSet<>();
    ctx.serviceInstances().forEach(i -> served.add(i.service().namespace() + "/" + i.service().hostname()));
    List<Gateway> gateways = ctx.snapshot().gateways().selecting(ctx.proxy().namespace(), ctx.labels(), served);
    return new Merger(ctx).merge(gateways);
  }

  /** The listening addresses in first-seen order, each with its servers. */
  public List<PortServers> ports() {
    return ports;
  }

  /** The servers behind each RDS route name. */
  public Map<String, List<BoundServer>> serversByRouteName() {
    return serversByRouteName;
  }

  /**
   * The SDS names of credentials the proxy may load without further checks: those referenced by Gateways in
   * its own namespace naming Secrets of its own namespace (plus {@code -cacert} for MUTUAL), and the
   * {@code kubernetes-gateway://} names of converted Gateway API listeners (their references were checked
   * against ReferenceGrants by the conversion).
   */
  public Set<String> verifiedCredentials() {
    return verifiedCredentials;
  }

  /** Servers left out while merging. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Whether no Gateway selects the proxy (or none of their servers could be used). */
  public boolean isEmpty() {
    return ports.isEmpty();
  }

  /** The hosts of every AUTO_PASSTHROUGH server (CDS builds SNI-DNAT clusters for them). */
  public Set<String> autoPassthroughHosts() {
    Set<String> out = new TreeSet<>();
    for (PortServers p : ports) {
      for (BoundServer s : p.servers()) {
        if (s.server().tls().isPresent() && ServerProtocol.mode(s.server()) == TLSmode.AUTO_PASSTHROUGH) {
          out.addAll(s.server().hosts());
        }
      }
    }
    return out;
  }

  /** The RDS name of a server: {@code http.<port>[.<bind>]} or {@code https.<port>.<portName>.<gw>.<ns>[.<bind>]}. */
  static String routeName(Server s, int listenPort, Gateway gw) {
    ServerProtocol p = ServerProtocol.of(s);
    String bind = s.bind().filter(b -> !b.isEmpty()).map(b -> "." + b).orElse("");
    if (p.isHttp()) {
      return "http." + listenPort + bind;
    }
    if (p == ServerProtocol.HTTPS && !ServerProtocol.isPassthrough(s)) {
      return "https." + s.port().flatMap(x -> x.number()).orElse(0) + "." + s.port().flatMap(x -> x.name()).orElse("")
          + "." + gw.name() + "." + gw.namespace() + bind;
    }
    return "";
  }

  /** Server hosts without their namespace part, de-duplicated and sorted: the SNI names of a TLS server. */
  static List<String> sniHosts(Server s) {
    Set<String> out = new TreeSet<>();
    for (String h : s.hosts()) {
      int slash = h.indexOf('/');
      out.add(slash < 0 ? h : h.substring(slash + 1));
    }
    return List.copyOf(out);
  }

  /** {@code ./h} → {@code <ns>/h}, {@code *}{@code /h} → {@code h}, and {@code *}{@code /*} makes the hosts just {@code *}. */
  static Server sanitizeHosts(Server s, String namespace) {
    List<String> hosts = new ArrayList<>();
    for (String h : s.hosts()) {
      int slash = h.indexOf('/');
      if (slash < 0) {
        hosts.add(h);
        continue;
      }
      String ns = h.substring(0, slash);
      String name = h.substring(slash + 1);
      if (ns.equals(".")) {
        hosts.add(namespace + "/" + name);
      } else if (ns.equals("*")) {
        if (name.equals("*")) {
          return Server.builder().from(s).hosts(List.of("*")).build();
        }
        hosts.add(name);
      } else {
        hosts.add(h);
      }
    }
    return hosts.equals(s.hosts()) ? s : Server.builder().from(s).hosts(hosts).build();
  }

  /** One merge: the mutable state of istiod's loop. */
  private static final class Merger {
    private final ProxyContext ctx;
    private final Set<Integer> gatewayPorts = new HashSet<>();
    private final Map<Integer, Set<String>> nonPlainTextBinds = new HashMap<>();
    private final Map<ServerPort, List<BoundServer>> merged = new LinkedHashMap<>();
    private final Map<ServerPort, String> mergedRouteNames = new HashMap<>();
    private final Map<Integer, ServerPort> plainTextServers = new HashMap<>();
    private final Map<String, List<BoundServer>> byRoute = new LinkedHashMap<>();
    private final Map<Integer, Map<String, String>> tlsHostsByPort = new HashMap<>();
    private final Set<String> verified = new TreeSet<>();
    private final List<Diagnostic> diags = new ArrayList<>();

    Merger(ProxyContext ctx) {
      this.ctx = ctx;
    }

    MergedGateway merge(List<Gateway> gateways) {
      for (Gateway gw : gateways) {
        Optional<List<String>> services = GatewayIndex.serviceHosts(gw);
        for (Server raw : gw.spec().servers()) {
          if (raw.port().isEmpty() || raw.port().get().number().isEmpty()) {
            skip(gw, "a server without a port");
            continue;
          }
          Server s = sanitizeHosts(raw, gw.namespace());
          verify(gw, s);
          for (int listenPort : resolvePorts(s.port().get().number().get(), gw, services)) {
            add(gw, s, listenPort);
          }
        }
      }
      List<PortServers> out = new ArrayList<>();
      merged.forEach((p, servers) -> out.add(new PortServers(p, servers, mergedRouteNames.getOrDefault(p, ""))));
      return new MergedGateway(out, byRoute, verified, diags);
    }

    private void verify(Gateway gw, Server s) {
      String cn = s.tls().flatMap(ServerTLSSettings::credentialName).orElse("");
      if (cn.isEmpty()) {
        return;
      }
      String proxyNs = ctx.proxy().namespace();
      String rn = CredentialNames.toResourceName(cn);
      Optional<CredentialNames.SecretRef> ref = CredentialNames.parse(rn, proxyNs);
      if (ref.isEmpty()) {
        return;
      }
      if (gw.namespace().equals(proxyNs) && ref.get().namespace().equals(proxyNs)) {
        verified.add(rn);
        if (ServerProtocol.mode(s) == TLSmode.MUTUAL) {
          verified.add(rn + CredentialNames.CA_SUFFIX);
        }
      } else if (ref.get().type() == CredentialNames.Type.KUBERNETES_GATEWAY) {
        verified.add(rn);
      }
    }

    private void add(Gateway gw, Server s, int listenPort) {
      String gwRef = gw.namespace() + "/" + gw.name();
      String routeName = routeName(s, listenPort, gw);
      String bind = s.bind().orElse("");
      List<String> sni = List.of();
      if (s.tls().isPresent()) {
        Map<String, String> known = tlsHostsByPort.computeIfAbsent(listenPort, k -> new HashMap<>());
        List<String> dups = checkDuplicates(s.hosts(), bind, known);
        if (!dups.isEmpty()) {
          skip(gw, "duplicate host names on port " + listenPort + ": " + dups);
          return;
        }
        sni = sniHosts(s);
      }
      BoundServer bound = new BoundServer(s, gwRef, gw.namespace(), listenPort, routeName, sni);
      String protocol = s.port().flatMap(p -> p.protocol()).orElse("");
      ServerPort port = new ServerPort(listenPort, protocol, bind);
      ServerProtocol proto = ServerProtocol.parse(protocol);
      if (gatewayPorts.contains(listenPort)) {
        ServerPort current = plainTextServers.get(listenPort);
        if (current != null) {
          boolean sameBind = current.bind().equals(bind);
          ServerProtocol currentProto = ServerProtocol.parse(current.protocol());
          boolean canMerge = (proto.isHttp() || proto == currentProto) && currentProto.isHttp();
          if (!canMerge && sameBind) {
            skip(gw, "port " + listenPort + " " + protocol + " conflicts with " + current.protocol());
            return;
          }
          if (routeName.isEmpty() && sameBind) {
            skip(gw, "no route name for a " + protocol + " server on port " + listenPort);
            return;
          }
          if (!sameBind) {
            merged.computeIfAbsent(port, k -> new ArrayList<>()).add(bound);
            mergedRouteNames.put(port, routeName);
          } else {
            merged.get(current).add(bound);
          }
          byRoute.computeIfAbsent(routeName, k -> new ArrayList<>()).add(bound);
        } else {
          if (ServerProtocol.isHttpServer(s)) {
            if (routeName.isEmpty()) {
              skip(gw, "no route name for a " + protocol + " server on port " + listenPort);
              return;
            }
            if (byRoute.containsKey(routeName)) {
              skip(gw, "port name not unique for HTTPS port " + listenPort);
              return;
            }
            byRoute.put(routeName, new ArrayList<>(List.of(bound)));
          }
          Set<String> binds = nonPlainTextBinds.get(listenPort);
          boolean newBind;
          if (binds == null) {
            nonPlainTextBinds.put(listenPort, new HashSet<>(Set.of(bind)));
            newBind = true;
          } else {
            newBind = binds.add(bind);
          }
          if (s.tls().isEmpty() && !newBind) {
            skip(gw, "a " + protocol + " server on port " + listenPort + " without TLS settings next to TLS servers");
            return;
          }
          merged.computeIfAbsent(port, k -> new ArrayList<>()).add(bound);
        }
      } else {
        gatewayPorts.add(listenPort);
        if (!ServerProtocol.isTlsServer(s)) {
          plainTextServers.put(listenPort, port);
        }
        if (ServerProtocol.isHttpServer(s)) {
          byRoute.put(routeName, new ArrayList<>(List.of(bound)));
        }
        merged.put(port, new ArrayList<>(List.of(bound)));
        mergedRouteNames.put(port, routeName);
      }
    }

    /**
     * Gateway port → listen ports. A label-selected Gateway takes the target port of the first Service port with
     * that number the proxy serves (else the number itself); a generated one takes every such target port of its
     * own services (none: the server is unused).
     */
    private List<Integer> resolvePorts(int number, Gateway gw, Optional<List<String>> services) {
      Set<Integer> out = new java.util.LinkedHashSet<>();
      for (ProxyContext.ServiceInstance i : ctx.serviceInstances()) {
        boolean legacy = services.isEmpty();
        if (legacy && i.service().labels().containsKey(DISABLE_PORT_TRANSLATION)) {
          continue;
        }
        if (!legacy && !(i.service().namespace().equals(gw.namespace())
            && services.get().contains(i.service().hostname()))) {
          continue;
        }
        for (ServicePort sp : i.service().ports()) {
          if (sp.port() != number) {
            continue;
          }
          int target = i.endpoint().ports().getOrDefault(sp.name(), sp.targetPort() > 0 ? sp.targetPort() : sp.port());
          if (legacy) {
            return List.of(target);
          }
          out.add(target);
        }
      }
      if (out.isEmpty() && services.isEmpty()) {
        return List.of(number);
      }
      return List.copyOf(new TreeSet<>(out));
    }

    private static List<String> checkDuplicates(List<String> hosts, String bind, Map<String, String> known) {
      List<String> dups = new ArrayList<>();
      for (String h : hosts) {
        String existing = known.get(h);
        if (existing != null && existing.equals(bind)) {
          dups.add(h);
        }
      }
      if (dups.isEmpty()) {
        hosts.forEach(h -> known.put(h, bind));
      }
      return dups;
    }

    private void skip(Gateway gw, String why) {
      diags.add(new Diagnostic(Severity.WARNING, "", 0, 0, "Gateway", gw.namespace(), gw.name(), "spec.servers",
          "server skipped for proxy " + ctx.proxy().id() + ": " + why));
    }
  }
}
