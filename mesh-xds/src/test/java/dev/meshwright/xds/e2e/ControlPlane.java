package dev.meshwright.xds.e2e;

import dev.meshwright.model.snapshot.MeshSnapshot;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.meshwright.xds.EnvoyTypes;
import dev.meshwright.xds.MeshFixture;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.istiod.Istiod;
import dev.meshwright.xds.server.AdsOptions;
import dev.meshwright.xds.server.AdsServer;
import dev.meshwright.xds.server.ConfigSource;
import dev.meshwright.xds.server.ProxyStatus;
import dev.meshwright.xds.server.SyncStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The embedded {@link AdsServer} on loopback serving what the real translator ({@link Istiod#generator}) generates,
 * so proxyless clients get exactly what istiod's gRPC generator would send. {@link #restart} closes the server and
 * starts a new one on the same port. Not thread-safe (one test drives it).
 */
final class ControlPlane implements AutoCloseable {
  private static final ConfigSource ISTIOD = ConfigSource.of(Istiod.generator(MeshFixture.OPTIONS));
  /** The xDS types a proxyless client subscribes to. */
  static final List<String> TYPES = List.of(TypeUrls.LISTENER, TypeUrls.ROUTE, TypeUrls.CLUSTER, TypeUrls.ENDPOINT);

  private AdsServer ads;

  private ControlPlane(AdsServer ads) {
    this.ads = ads;
  }

  /** A server on a free port serving {@code snapshot}. */
  static ControlPlane start(MeshSnapshot snapshot) throws IOException {
    return new ControlPlane(open(0, snapshot));
  }

  private static AdsServer open(int port, MeshSnapshot snapshot) throws IOException {
    return AdsServer.builder(ISTIOD, snapshot).options(AdsOptions.loopback().withPort(port)).start();
  }

  /** The port clients bootstrap to (unchanged by {@link #restart}). */
  int port() {
    return ads.port();
  }

  /** Pushes a new snapshot to every client. */
  void publish(MeshSnapshot snapshot) {
    ads.publish(snapshot);
  }

  /**
   * Closes the server (its streams end with UNAVAILABLE) and starts a fresh one, knowing nothing of the old one's
   * clients, on the same port serving {@code snapshot}. Binding is retried until {@link Poll#DEADLINE} in case the
   * port is not free again yet.
   */
  void restart(MeshSnapshot snapshot) {
    int port = ads.port();
    ads.close();
    ads = Poll.until("rebinding port " + port, () -> tryOpen(port, snapshot), Optional::isPresent).orElseThrow();
  }

  private static Optional<AdsServer> tryOpen(int port, MeshSnapshot snapshot) {
    try {
      return Optional.of(open(port, snapshot));
    } catch (IOException e) {
      if (e instanceof BindException || e.getCause() instanceof BindException) {
        return Optional.empty();
      }
      throw new UncheckedIOException(e);
    }
  }

  /** Every stream of {@code client} this server holds. */
  List<ProxyStatus> streams(ProxylessClient client) {
    return ads.status().stream().filter(p -> p.nodeId().equals(client.nodeId())).toList();
  }

  /** The status of {@code client}'s stream once it satisfies {@code done}. */
  ProxyStatus await(ProxylessClient client, String what, Predicate<ProxyStatus> done) {
    return Poll.until(client.nodeId() + ": " + what, () -> streams(client),
        s -> s.size() == 1 && done.test(s.get(0))).get(0);
  }

  /** The status of {@code client}'s stream once it has ACKed listeners, routes, clusters and endpoints. */
  ProxyStatus awaitSynced(ProxylessClient client) {
    return await(client, "LDS, RDS, CDS and EDS synced", ControlPlane::synced);
  }

  /** Whether every proxyless type was sent, is ACKed and is not empty. */
  static boolean synced(ProxyStatus p) {
    return TYPES.stream().allMatch(t -> p.type(t).status() == SyncStatus.SYNCED && p.type(t).resources() > 0);
  }

  /** What {@code client} holds from this server, as Envoy's config dump JSON (for failure messages). */
  String configDump(ProxylessClient client) {
    return ads.configDump(client.nodeId()).map(d -> {
      try {
        return EnvoyTypes.get().print(d);
      } catch (InvalidProtocolBufferException e) {
        return "unprintable config dump: " + e.getMessage();
      }
    }).orElse("not connected");
  }

  @Override
  public void close() {
    ads.close();
  }
}
