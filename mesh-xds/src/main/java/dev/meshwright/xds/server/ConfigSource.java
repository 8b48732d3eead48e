package dev.meshwright.xds.server;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.Subscriptions;
import dev.meshwright.xds.XdsGenerator;
import dev.meshwright.xds.XdsResources;

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

  /** A source backed by the translator. */
  static ConfigSource of(XdsGenerator generator) {
    return generator::generate;
  }
}
