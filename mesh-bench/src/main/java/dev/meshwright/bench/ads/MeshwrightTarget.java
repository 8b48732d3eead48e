package dev.meshwright.bench.ads;

import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.xds.XdsResources;
import dev.meshwright.xds.server.AdsOptions;
import dev.meshwright.xds.server.AdsServer;
import dev.meshwright.xds.server.ConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Meshwright's {@link AdsServer} on loopback with a {@link ConfigSource} that returns the pre-built resources
 * (the same protos java-control-plane serves), so the comparison measures the servers, not the translator. Each
 * config is tied to a snapshot of its own (an empty mesh: the source ignores its content), and a change publishes
 * the new snapshot with {@link AdsServer#publishEndpoints} (the endpoint-only path), with the debounce given
 * (zero: the publish call itself hands the push to every stream).
 */
final class MeshwrightTarget implements AdsTarget {
  private final AdsServer server;
  private final Duration debounce;
  /** Each snapshot's resources: the initial one and the changes published since. */
  private final Map<MeshSnapshot, XdsResources> bySnapshot = Collections.synchronizedMap(new IdentityHashMap<>());
  private XdsResources last;

  MeshwrightTarget(BenchConfig config, Duration debounce) {
    this.debounce = debounce;
    this.last = config.xdsResources();
    MeshSnapshot snapshot = emptySnapshot();
    bySnapshot.put(snapshot, last);
    ConfigSource source = (s, proxy, subscriptions) -> bySnapshot.get(s);
    Duration max = debounce.isZero() ? Duration.ZERO : Duration.ofSeconds(10);
    try {
      server = AdsServer.builder(source, snapshot).options(AdsOptions.loopback().withDebounce(debounce, max)).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() {
    return "meshwright (debounce " + debounce.toMillis() + " ms)";
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public synchronized Runnable prepare(BenchConfig next) {
    last = next.xdsResources(last);
    MeshSnapshot snapshot = emptySnapshot();
    bySnapshot.put(snapshot, last);
    return () -> server.publishEndpoints(snapshot);
  }

  private static MeshSnapshot emptySnapshot() {
    return MeshTranslator.create().translate(ConfigStore.builder().build().view(), MeshConfigs.defaults());
  }

  @Override
  public void close() {
    server.close();
  }
}
