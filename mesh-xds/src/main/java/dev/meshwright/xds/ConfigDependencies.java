package dev.meshwright.xds;

import dev.meshwright.api.networking.Delegate;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.IstioEgressListener;
import dev.meshwright.api.networking.Sidecar;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.model.config.ConfigKey;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.snapshot.MergedDestinationRule;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.SnapshotChanges;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configs a proxy's {@link SidecarScope} was built from, and istiod's {@code SidecarScope.DependsOnConfig}
 * over them: the Sidecar that applies, each imported service (keyed {@code ServiceEntry <ns>/<hostname>} as
 * {@link SnapshotChanges#serviceKey}), the DestinationRules merged for those services, and the mesh-gateway
 * VirtualServices the Sidecar's egress hosts select or that name an imported host (with the delegates they
 * include). Kinds istiod scopes by
 * namespace (EnvoyFilter, AuthorizationPolicy, RequestAuthentication, WasmPlugin) matter in the root namespace
 * and the proxy's own; any other kind may matter to every proxy. One value serves every proxy with the same
 * namespace and Sidecar; immutable and thread-safe.
 */
public final class ConfigDependencies {
  private static final Set<String> SCOPED_KINDS = Set.of("ServiceEntry", "VirtualService", "DestinationRule",
      "Sidecar", "HTTPRoute", "TCPRoute", "TLSRoute", "GRPCRoute");
  private static final Set<String> NAMESPACE_KINDS =
      Set.of("EnvoyFilter", "AuthorizationPolicy", "RequestAuthentication", "WasmPlugin");
  private static final String NETWORKING = "networking.istio.io";

  private final String namespace;
  private final Set<ConfigKey> keys;
  private final Set<String> hostnames;

  private ConfigDependencies(String namespace, Set<ConfigKey> keys, Set<String> hostnames) {
    this.namespace = namespace;
    this.keys = Set.copyOf(keys);
    this.hostnames = Set.copyOf(hostnames);
  }

  /** The dependencies of a proxy in {@code namespace} with {@code labels}, in {@code snapshot}. */
  public static ConfigDependencies of(MeshSnapshot snapshot, String namespace, java.util.Map<String, String> labels) {
    Optional<Sidecar> sidecar = snapshot.policies().sidecar(namespace, labels);
    SidecarScope scope = SidecarScope.of(sidecar, namespace, snapshot.servicesVisibleTo(namespace));
    Set<ConfigKey> keys = new HashSet<>();
    Set<String> hosts = new HashSet<>();
    sidecar.ifPresent(s -> keys.add(ConfigKey.of(s)));
    for (MeshService s : scope.services()) {
      keys.add(SnapshotChanges.serviceKey(s));
      hosts.add(s.hostname());
      for (MergedDestinationRule dr : snapshot.destinationRules(namespace, s.hostname())) {
        for (String from : dr.from()) {
          int slash = from.indexOf('/');
          keys.add(new ConfigKey(NETWORKING, "DestinationRule", from.substring(0, slash), from.substring(slash + 1)));
        }
      }
    }
    List<String> egress = sidecar.map(s -> s.spec().egress()).filter(e -> !e.isEmpty())
        .map(e -> e.stream().map(IstioEgressListener::hosts).flatMap(List::stream).toList()).orElse(List.of("*/*"));
    for (VirtualService vs : snapshot.virtualServices().forGateway("mesh", namespace)) {
      // the egress-selected ones (istiod), and any naming an imported host: TCP/TLS chains match by host alone
      if (selected(vs, egress, namespace) || vs.spec().hosts().stream().anyMatch(h -> names(h, hosts))) {
        keys.add(ConfigKey.of(vs));
        for (HTTPRoute r : vs.spec().http()) {
          r.delegate().ifPresent(d -> keys.add(delegate(d, vs)));
        }
      }
    }
    return new ConfigDependencies(namespace, keys, hosts);
  }

  private static boolean names(String vsHost, Set<String> hostnames) {
    if (vsHost.indexOf('*') < 0) {
      return hostnames.contains(vsHost);
    }
    return hostnames.stream().anyMatch(h -> SidecarScope.hostMatches(vsHost, h));
  }

  private static ConfigKey delegate(Delegate d, VirtualService from) {
    return new ConfigKey(NETWORKING, "VirtualService", d.namespace().filter(n -> !n.isEmpty())
        .orElse(from.namespace()), d.name().orElse(""));
  }

  /** istiod's egress VirtualService selection: the VirtualService's namespace and a host match an egress host. */
  private static boolean selected(VirtualService vs, List<String> egress, String proxyNamespace) {
    for (String nsHost : egress) {
      int slash = nsHost.indexOf('/');
      String ns = slash < 0 ? "*" : nsHost.substring(0, slash);
      String host = slash < 0 ? nsHost : nsHost.substring(slash + 1);
      if (ns.equals(".")) {
        ns = proxyNamespace;
      }
      if (ns.equals("~") || !ns.equals("*") && !ns.equals(vs.namespace())) {
        continue;
      }
      for (String h : vs.spec().hosts()) {
        // a short name resolves against the VirtualService's namespace; matching it to anything errs towards a push
        if (h.indexOf('.') < 0 || SidecarScope.hostMatches(host, h) || SidecarScope.hostMatches(h, host)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a change to {@code config} may change what this scope generates, as istiod's
   * {@code DependsOnConfig}: namespace-scoped kinds by namespace, scoped kinds by membership, others always.
   */
  public boolean dependsOn(ConfigKey config, String rootNamespace) {
    if (NAMESPACE_KINDS.contains(config.kind())) {
      return config.namespace().equals(rootNamespace) || config.namespace().equals(namespace);
    }
    if (!SCOPED_KINDS.contains(config.kind())) {
      return true;
    }
    return keys.contains(config);
  }

  /** Whether the scope imports a service with this hostname. */
  public boolean imports(String hostname) {
    return hostnames.contains(hostname);
  }

  /** The scoped configs this scope was built from. */
  public Set<ConfigKey> keys() {
    return keys;
  }
}
