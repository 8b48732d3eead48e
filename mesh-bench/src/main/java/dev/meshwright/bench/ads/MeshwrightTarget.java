package dev.meshwright.bench.ads;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.Subscriptions;
import dev.meshwright.xds.TypeUrls;
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
import java.util.Set;

/**
 * Meshwright's {@link AdsServer} on loopback with a {@link ConfigSource} that returns the pre-built resources
 * (the same protos java-control-plane serves), so the comparison measures the servers, not the translator. Each
 * config is tied to the {@link BenchMesh} snapshot holding the same endpoints (a real EndpointSlice change, so a
 * server that works out changes from snapshots sees one), and a change publishes that snapshot with
 * {@link AdsServer#publish} (which finds the endpoint-only change itself), with the debounce given.
 */
final class MeshwrightTarget implements AdsTarget {
  private final AdsServer server;
  private final Duration debounce;
  /** Each snapshot's resources: the initial one and the changes published since. */
  private final Map<MeshSnapshot, XdsResources> bySnapshot = Collections.synchronizedMap(new IdentityHashMap<>());
  private final BenchMesh mesh;
  private XdsResources last;

  MeshwrightTarget(BenchConfig config, Duration debounce) {
    this.debounce = debounce;
    this.last = config.xdsResources();
    this.mesh = new BenchMesh(config);
    MeshSnapshot snapshot = mesh.current();
    bySnapshot.put(snapshot, last);
    ConfigSource source = new ConfigSource() {
      @Override
      public XdsResources generate(MeshSnapshot s, Proxy proxy, Subscriptions subscriptions) {
        return bySnapshot.get(s);
      }

      @Override
      public XdsResources endpoints(MeshSnapshot s, Proxy proxy, Set<String> clusterNames) {
        // as the translator's EDS path: only the names asked for, looked up, not the whole config filtered
        XdsResources all = bySnapshot.get(s);
        XdsResources.Builder out = XdsResources.builder();
        clusterNames.forEach(n -> all.get(TypeUrls.ENDPOINT, n).ifPresent(out::add));
        return out.build();
      }
    };
    Duration max = debounce.isZero() ? Duration.ZERO : Duration.ofSeconds(10);
    try {
      server = AdsServer.builder(source, snapshot).options(AdsOptions.loopback().withDebounce(debounce, max)
          .withPushThreads(Integer.getInteger("meshwright.bench.pushThreads", AdsOptions.loopback().pushThreads()))).start();
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
  public synchronized Runnable prepare(BenchConfig next, int changed) {
    last = next.xdsResources(last);
    MeshSnapshot snapshot = mesh.change(next, changed);
    bySnapshot.put(snapshot, last);
    return () -> server.publish(snapshot);
  }

  @Override
  public void close() {
    server.close();
  }
}
