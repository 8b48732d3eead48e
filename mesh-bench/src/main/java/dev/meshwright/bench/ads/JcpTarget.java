package dev.meshwright.bench.ads;

import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.controlplane.server.V3DiscoveryServer;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * envoyproxy's java-control-plane 1.0.49 as its README sets it up: a {@link SimpleCache} with one node group
 * holding a {@link Snapshot} of the same clusters and endpoints, behind {@link V3DiscoveryServer}'s ADS service on
 * grpc-java's Netty server with its defaults. A change is a new snapshot whose endpoint version moves (clusters
 * keep theirs) given to {@code setSnapshot}, which answers the open watches on the caller's thread.
 */
final class JcpTarget implements AdsTarget {
  private static final String GROUP = "bench";
  private final SimpleCache<String> cache = new SimpleCache<>(node -> GROUP);
  private final Server server;
  private int version = 1;

  JcpTarget(BenchConfig config) {
    cache.setSnapshot(GROUP, snapshot(config, version));
    V3DiscoveryServer discovery = new V3DiscoveryServer(cache);
    try {
      server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
          .addService(discovery.getAggregatedDiscoveryServiceImpl()).build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Snapshot snapshot(BenchConfig config, int endpointsVersion) {
    return Snapshot.create(config.clusters(), "1", config.endpoints(), Integer.toString(endpointsVersion),
        List.of(), "1", List.of(), "1", List.of(), "1");
  }

  @Override
  public String name() {
    return "java-control-plane 1.0.49";
  }

  @Override
  public int port() {
    return server.getPort();
  }

  @Override
  public synchronized Runnable prepare(BenchConfig next, int changed) {
    Snapshot s = snapshot(next, ++version);
    return () -> cache.setSnapshot(GROUP, s);
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
