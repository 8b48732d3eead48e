package dev.meshwright.model.snapshot;

import dev.meshwright.api.IstioResource;
import dev.meshwright.model.config.ConfigKey;
import dev.meshwright.model.registry.Endpoint;
import dev.meshwright.model.registry.Identity;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.ServiceRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What differs between two snapshots, in the terms of istiod's {@code PushRequest.ConfigsUpdated}: the Istio
 * configs added, removed or changed (kind, namespace, name), the services whose definition changed, keyed as
 * istiod keys them ({@code ServiceEntry}, the service's namespace, its hostname as the name), the TLS Secrets
 * gateways load ({@code Secret ns/name}), and, apart from those, the services of which only endpoints changed,
 * with the addresses that changed. A new mesh config changes {@link #everything()}.
 *
 * <p>An endpoint change counts as a service change (a full push, as istiod's endpoint shards decide) when the
 * service is not load-balanced over known endpoints (DNS or passthrough resolution, whose endpoints sit in
 * clusters, listeners and name tables), when it gains its first or loses its last endpoint, or when the set of
 * service accounts or of TLS modes of its endpoints changes (cluster SANs and mTLS settings depend on them).
 *
 * <p>{@link #between} compares the validated inputs by key and value, skipping the kinds and the registry the
 * later snapshot reused from the earlier one (the same instances), so an incremental snapshot costs a diff of
 * what changed; two unrelated full builds are compared resource by resource. Immutable and thread-safe.
 */
public final class SnapshotChanges {
  /** The kind under which services are keyed, as istiod does for every registry's services. */
  public static final String SERVICE_KIND = "ServiceEntry";
  private static final SnapshotChanges NONE = new SnapshotChanges(false, Set.of(), Map.of());
  private static final SnapshotChanges ALL = new SnapshotChanges(true, Set.of(), Map.of());

  private final boolean everything;
  private final Set<ConfigKey> configs;
  private final Map<ConfigKey, Set<String>> endpoints;

  private SnapshotChanges(boolean everything, Set<ConfigKey> configs, Map<ConfigKey, Set<String>> endpoints) {
    this.everything = everything;
    this.configs = Set.copyOf(configs);
    this.endpoints = Map.copyOf(endpoints);
  }

  /** No change. */
  public static SnapshotChanges none() {
    return NONE;
  }

  /** Anything may have changed (a new mesh config, or a change nobody described). */
  public static SnapshotChanges all() {
    return ALL;
  }

  /** The key istiod gives a service in change sets: {@code ServiceEntry <namespace>/<hostname>}. */
  public static ConfigKey serviceKey(MeshService service) {
    return new ConfigKey("networking.istio.io", SERVICE_KIND, service.namespace(), service.hostname());
  }

  /** What changed from {@code before} to {@code after}. */
  public static SnapshotChanges between(MeshSnapshot before, MeshSnapshot after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (before == after) {
      return NONE;
    }
    if (!before.meshConfig().equals(after.meshConfig())) {
      return ALL;
    }
    Set<ConfigKey> configs = new HashSet<>();
    MeshSnapshot.Inputs a = before.inputs();
    MeshSnapshot.Inputs b = after.inputs();
    configs(a.virtualServices(), b.virtualServices(), configs);
    configs(a.destinationRules(), b.destinationRules(), configs);
    configs(a.sidecars(), b.sidecars(), configs);
    configs(a.peerAuthentications(), b.peerAuthentications(), configs);
    configs(a.requestAuthentications(), b.requestAuthentications(), configs);
    configs(a.authorizationPolicies(), b.authorizationPolicies(), configs);
    configs(a.gateways(), b.gateways(), configs);
    configs(a.envoyFilters(), b.envoyFilters(), configs);
    configs(a.telemetries(), b.telemetries(), configs);
    for (String secret : after.secrets().changedSince(before.secrets())) {
      int slash = secret.indexOf('/');
      configs.add(new ConfigKey("", "Secret", secret.substring(0, slash), secret.substring(slash + 1)));
    }
    Map<ConfigKey, Set<String>> endpoints = new HashMap<>();
    if (before.registry() != after.registry()) {
      registry(before.registry(), after.registry(), configs, endpoints);
    }
    return configs.isEmpty() && endpoints.isEmpty() ? NONE : new SnapshotChanges(false, configs, endpoints);
  }

  private static <R extends IstioResource<?>> void configs(Validated<R> before, Validated<R> after,
      Set<ConfigKey> out) {
    if (before == after) {
      return;
    }
    Map<ConfigKey, R> old = new HashMap<>();
    before.valid().forEach(r -> old.put(ConfigKey.of(r), r));
    for (R r : after.valid()) {
      ConfigKey k = ConfigKey.of(r);
      R was = old.remove(k);
      if (was != r && !r.equals(was)) {
        out.add(k);
      }
    }
    out.addAll(old.keySet());
  }

  /**
   * Services added, removed or changed go to {@code configs}; a service whose endpoints alone changed goes to
   * {@code endpoints} with the addresses that came or went. A registry built from the one before shares the services
   * and endpoint lists that did not change ({@link ServiceRegistry#build(dev.meshwright.model.config.ConfigView,
   * dev.meshwright.model.registry.RegistryOptions, ServiceRegistry)}), so the common case (the same services, one
   * list of endpoints changed) is told by identity; otherwise services are matched by key and compared.
   */
  private static void registry(ServiceRegistry before, ServiceRegistry after, Set<ConfigKey> configs,
      Map<ConfigKey, Set<String>> endpoints) {
    if (Identity.sameElements(before.services(), after.services())) {
      for (MeshService s : after.services()) {
        endpoints(serviceKey(s), s, before, after, configs, endpoints);
      }
      return;
    }
    Map<ConfigKey, MeshService> old = new HashMap<>(before.services().size() * 2);
    before.services().forEach(s -> old.put(serviceKey(s), s));
    Map<ConfigKey, MeshService> now = new HashMap<>(after.services().size() * 2);
    after.services().forEach(s -> now.put(serviceKey(s), s));
    old.keySet().forEach(k -> {
      if (!now.containsKey(k)) {
        configs.add(k);
      }
    });
    now.forEach((k, is) -> {
      MeshService was = old.get(k);
      if (was == null || was != is && !was.equals(is)) {
        configs.add(k);
      } else {
        endpoints(k, is, before, after, configs, endpoints);
      }
    });
  }

  /** The endpoint change of the unchanged service {@code is} (key {@code k}), if any. */
  private static void endpoints(ConfigKey k, MeshService is, ServiceRegistry before, ServiceRegistry after,
      Set<ConfigKey> configs, Map<ConfigKey, Set<String>> endpoints) {
    List<Endpoint> allBefore = before.endpoints(k.name());
    List<Endpoint> allAfter = after.endpoints(k.name());
    if (allBefore == allAfter || allBefore.equals(allAfter)) {
      return;
    }
    List<Endpoint> a = of(allBefore, k.namespace());
    List<Endpoint> b = of(allAfter, k.namespace());
    if (a.equals(b)) {
      return;
    }
    if (is.resolution() != MeshService.Resolution.CLIENT_SIDE_LB || a.isEmpty() != b.isEmpty()
        || !set(a, Endpoint::serviceAccount).equals(set(b, Endpoint::serviceAccount))
        || !set(a, Endpoint::tlsMode).equals(set(b, Endpoint::tlsMode))) {
      configs.add(k);
    } else {
      Set<Endpoint> gone = new HashSet<>(a);
      b.forEach(gone::remove);
      Set<Endpoint> added = new HashSet<>(b);
      a.forEach(added::remove);
      Set<String> addresses = new TreeSet<>();
      gone.forEach(e -> addresses.add(e.address()));
      added.forEach(e -> addresses.add(e.address()));
      endpoints.put(k, addresses);
    }
  }

  private static List<Endpoint> of(List<Endpoint> all, String namespace) {
    List<Endpoint> out = new ArrayList<>();
    all.forEach(e -> {
      if (e.serviceNamespace().equals(namespace)) {
        out.add(e);
      }
    });
    return out;
  }

  private static Set<String> set(List<Endpoint> eps, java.util.function.Function<Endpoint, String> field) {
    Set<String> out = new HashSet<>();
    eps.forEach(e -> out.add(field.apply(e)));
    return out;
  }

  /** These changes followed by {@code later}: the union, a service's full change winning over an endpoint one. */
  public SnapshotChanges merge(SnapshotChanges later) {
    if (everything || later.everything) {
      return ALL;
    }
    if (later.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return later;
    }
    Set<ConfigKey> c = new HashSet<>(configs);
    c.addAll(later.configs);
    Map<ConfigKey, Set<String>> e = new HashMap<>(endpoints);
    later.endpoints.forEach((k, v) -> e.merge(k, v, (x, y) -> {
      Set<String> u = new TreeSet<>(x);
      u.addAll(y);
      return u;
    }));
    e.keySet().removeAll(c);
    return new SnapshotChanges(false, c, e);
  }

  /** Whether anything may have changed without being listed (istiod's push with no {@code ConfigsUpdated}). */
  public boolean everything() {
    return everything;
  }

  /** Whether nothing changed. */
  public boolean isEmpty() {
    return !everything && configs.isEmpty() && endpoints.isEmpty();
  }

  /** The configs and services that changed beyond their endpoints. */
  public Set<ConfigKey> configs() {
    return configs;
  }

  /** The services of which only endpoints changed, with the addresses added, removed or changed. */
  public Map<ConfigKey, Set<String>> endpoints() {
    return endpoints;
  }

  @Override
  public String toString() {
    return everything ? "SnapshotChanges{everything}"
        : "SnapshotChanges{configs=" + new TreeSet<>(configs) + ", endpoints=" + new TreeMap<>(endpoints) + "}";
  }
}
