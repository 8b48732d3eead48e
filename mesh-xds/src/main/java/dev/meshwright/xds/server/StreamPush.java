package dev.meshwright.xds.server;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.SnapshotChanges;
import dev.meshwright.xds.ConfigDependencies;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.Subscriptions;
import dev.meshwright.xds.XdsResources;
import java.util.Set;
import java.util.function.Function;

/**
 * One push of one stream, between taking its pending work and planning the responses: {@link PushPolicy}
 * decides (a first generation is always full), then only what the decision needs is generated. Pure apart from
 * the pipeline's source and metrics; thread-safe.
 */
final class StreamPush {
  private StreamPush() {}

  /**
   * What a stream had pending when its push started.
   *
   * @param proxy the proxy
   * @param subscriptions what it subscribes to
   * @param changes the config changes not yet decided on, merged
   * @param request whether a request asked for a response (its types are diffed whatever the decision)
   * @param sinceNanos when the oldest pending change was published
   * @param before the snapshot the proxy's config came from, null before the first push
   * @param was the proxy's scope in {@code before}
   */
  record Work(Proxy proxy, Subscriptions subscriptions, SnapshotChanges changes, boolean request, long sinceNanos,
      MeshSnapshot before, ConfigDependencies was) {}

  /**
   * What one push generated (null: nothing, the change does not affect the proxy), whether every type is to be
   * diffed, the names of a partial EDS generation (null for a full one), and the proxy's scope in the snapshot.
   */
  record Push(XdsResources generated, boolean full, Set<String> only, ConfigDependencies scope) {}

  /**
   * Decides and generates from {@code snapshot}; {@code edsNames} gives the EDS names the stream holds or asked for
   * of some hostnames.
   */
  static Push generate(PushPipeline pipeline, Work w, MeshSnapshot snapshot,
      Function<Set<String>, Set<String>> edsNames) {
    ConfigDependencies is = pipeline.dependencies(snapshot, w.proxy());
    PushPolicy.Decision d = w.before() == null ? PushPolicy.Decision.FULL
        : PushPolicy.decide(w.proxy(), w.changes(), w.before(), w.was(), snapshot, is);
    if (d.kind() == PushPolicy.Kind.FULL || w.request()) {
      // a request with config changes pending diffs every type, so those changes are not lost
      boolean full = d.kind() != PushPolicy.Kind.SKIP;
      XdsResources generated = pipeline.source().generate(snapshot, w.proxy(), w.subscriptions());
      pipeline.metrics().fullGeneration(); // counted once done, so a reader of the count sees the generation
      return new Push(generated, full, null, is);
    }
    Set<String> names = d.kind() == PushPolicy.Kind.ENDPOINTS ? edsNames.apply(d.hostnames()) : Set.of();
    if (names.isEmpty()) {
      pipeline.metrics().pushSkipped();
      return new Push(null, false, null, is);
    }
    XdsResources endpoints = pipeline.source().endpoints(snapshot, w.proxy(), names);
    pipeline.metrics().edsOnlyPush();
    return new Push(endpoints, false, names, is);
  }
}
