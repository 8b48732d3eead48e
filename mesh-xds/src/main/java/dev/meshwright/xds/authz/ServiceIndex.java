package dev.meshwright.xds.authz;

import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.snapshot.MeshSnapshot;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which namespaces have a service of a given hostname: how ext_authz provider services ({@code [ns/]host}) are
 * resolved to clusters. Implementations are pure and thread-safe.
 */
@FunctionalInterface
public interface ServiceIndex {
  /** The namespaces with a service named {@code hostname}, sorted; empty when there is none. */
  Set<String> namespaces(String hostname);

  /** No services at all. */
  ServiceIndex EMPTY = h -> Set.of();

  /** The services of a snapshot's registry. */
  static ServiceIndex of(MeshSnapshot snapshot) {
    return h -> {
      Set<String> out = new TreeSet<>();
      for (MeshService s : snapshot.registry().services(h)) {
        out.add(s.namespace());
      }
      return out;
    };
  }

  /** A fixed index: hostname to namespaces. */
  static ServiceIndex of(Map<String, Set<String>> byHost) {
    Map<String, Set<String>> copy = Map.copyOf(byHost);
    return h -> new TreeSet<>(copy.getOrDefault(h, Set.of()));
  }
}
