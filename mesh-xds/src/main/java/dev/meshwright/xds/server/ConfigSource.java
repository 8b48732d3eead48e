package dev.meshwright.xds.server;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.Subscriptions;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsGenerator;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import java.util.Set;

/**
 * The one seam between the ADS server and generation: what a proxy should hold for its subscriptions in a
 * snapshot. Implementations are pure and thread-safe (the server calls them from several push threads at once)
 * and never throw for bad config; a throw is treated as a failed push for that proxy (logged and counted, the
 * proxy keeps its previous config).
 */
@FunctionalInterface
public interface ConfigSource {
  /** Everything {@code proxy} should have in {@code snapshot} for {@code subscriptions}. */
  XdsResources generate(MeshSnapshot snapshot, Proxy proxy, Subscriptions subscriptions);

  /**
   * Only the ClusterLoadAssignments {@code clusterNames} (the EDS fast path after an endpoint-only change). The
   * default generates for an EDS subscription limited to those names and keeps only them; a source that can
   * build EDS alone (as the translator's) overrides it.
   */
  default XdsResources endpoints(MeshSnapshot snapshot, Proxy proxy, Set<String> clusterNames) {
    XdsResources all = generate(snapshot, proxy, Subscriptions.all().with(TypeUrls.ENDPOINT, clusterNames));
    XdsResources.Builder out = XdsResources.builder();
    for (XdsResource r : all.of(TypeUrls.ENDPOINT).values()) {
      if (clusterNames.contains(r.name())) {
        out.add(r);
      }
    }
    return out.build();
  }

  /** A source backed by the translator. */
  static ConfigSource of(XdsGenerator generator) {
    return new ConfigSource() {
      @Override
      public XdsResources generate(MeshSnapshot snapshot, Proxy proxy, Subscriptions subscriptions) {
        return generator.generate(snapshot, proxy, subscriptions);
      }

      @Override
      public XdsResources endpoints(MeshSnapshot snapshot, Proxy proxy, Set<String> clusterNames) {
        return generator.endpoints(snapshot, proxy, clusterNames);
      }
    };
  }
}
