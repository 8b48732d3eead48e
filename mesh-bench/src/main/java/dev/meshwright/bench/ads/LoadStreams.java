package dev.meshwright.bench.ads;

import com.google.protobuf.ByteString;
import dev.meshwright.xds.TypeUrls;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc.AggregatedDiscoveryServiceStub;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.Resource;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The load generator: {@code streams} raw ADS streams over {@code channels} loopback HTTP/2 connections, each
 * behaving as a minimal Envoy would: subscribe to every cluster (wildcard CDS), then to the endpoints of every
 * cluster it received (EDS by name), and ACK every response with its version and nonce. Responses are handled on
 * the transport's threads ({@code directExecutor} on event loops of their own, named {@value #THREAD_PREFIX}, so their
 * CPU time is not counted as the server's); nothing but counters and the change's arrival time is kept
 * per stream. Not thread-safe to open; the streams themselves report to a thread-safe {@link LoadTracker}.
 */
final class LoadStreams implements AutoCloseable {
  /** The two ADS variants. */
  enum Protocol { SOTW, DELTA }

  /** The prefix of the load streams' threads, so the harness can tell their CPU time from the server's. */
  static final String THREAD_PREFIX = "load-client";

  private final List<ManagedChannel> channels = new ArrayList<>();
  private final List<StreamObserver<?>> requests = new ArrayList<>();
  private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
      new DefaultThreadFactory(THREAD_PREFIX, true), NioIoHandler.newFactory());

  LoadStreams(int port, int channelCount) {
    for (int i = 0; i < channelCount; i++) {
      channels.add(NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().directExecutor()
          .eventLoopGroup(loops).channelType(NioSocketChannel.class)
          .maxInboundMessageSize(64 * 1024 * 1024).build());
    }
  }

  /** Opens {@code count} streams; stream {@code i} reports to {@code tracker} as index {@code i}. */
  void open(int count, Protocol protocol, List<String> clusterNames, LoadTracker tracker) {
    // one EDS request shared by every SotW stream, its names encoded once: a SotW ACK repeats every name, and
    // encoding a thousand names per ACK cost the load generator more CPU than the server spent on the change
    DiscoveryRequest.Builder edsNames = DiscoveryRequest.newBuilder().setTypeUrl(TypeUrls.ENDPOINT);
    clusterNames.forEach(n -> edsNames.addResourceNamesBytes(ByteString.copyFromUtf8(n)));
    DiscoveryRequest eds = edsNames.build();
    for (int i = 0; i < count; i++) {
      AggregatedDiscoveryServiceStub stub = AggregatedDiscoveryServiceGrpc.newStub(channels.get(i % channels.size()));
      Node node = Node.newBuilder().setId("sidecar~10.1." + (i >> 8 & 0xff) + "." + (i & 0xff) + "~load-" + i
          + ".bench~bench.svc.cluster.local").setCluster("load.bench").build();
      if (protocol == Protocol.SOTW) {
        Sotw s = new Sotw(i, node, clusterNames, eds, tracker);
        s.requests = stub.streamAggregatedResources(s);
        requests.add(s.requests);
        s.start();
      } else {
        Delta d = new Delta(i, node, clusterNames, tracker);
        d.requests = stub.deltaAggregatedResources(d);
        requests.add(d.requests);
        d.start();
      }
    }
  }

  @Override
  public void close() {
    for (StreamObserver<?> r : requests) {
      try {
        r.onCompleted();
      } catch (RuntimeException e) {
        // the stream may already have failed
      }
    }
    channels.forEach(ManagedChannel::shutdownNow);
    for (ManagedChannel c : channels) {
      try {
        c.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    loops.shutdownGracefully(0, 5, TimeUnit.SECONDS);
  }

  /** Counts what one stream has received until it holds every cluster and assignment. */
  private abstract static class Counting {
    final int index;
    final Node node;
    final List<String> clusterNames;
    final LoadTracker tracker;
    int clusters;
    int endpoints;
    boolean edsRequested;

    Counting(int index, Node node, List<String> clusterNames, LoadTracker tracker) {
      this.index = index;
      this.node = node;
      this.clusterNames = clusterNames;
      this.tracker = tracker;
    }

    final void checkSynced() {
      if (clusters >= tracker.expectedClusters() && endpoints >= tracker.expectedClusters()) {
        tracker.synced(index);
      }
    }

    public final void onError(Throwable t) {
      tracker.error(index, t);
    }

    public final void onCompleted() {}
  }

  private static final class Sotw extends Counting implements StreamObserver<DiscoveryResponse> {
    StreamObserver<DiscoveryRequest> requests;
    private final DiscoveryRequest eds;

    Sotw(int index, Node node, List<String> clusterNames, DiscoveryRequest eds, LoadTracker tracker) {
      super(index, node, clusterNames, tracker);
      this.eds = eds;
    }

    void start() {
      requests.onNext(DiscoveryRequest.newBuilder().setNode(node).setTypeUrl(TypeUrls.CLUSTER).build());
    }

    @Override
    public void onNext(DiscoveryResponse r) {
      DiscoveryRequest.Builder ack = DiscoveryRequest.newBuilder().setTypeUrl(r.getTypeUrl())
          .setVersionInfo(r.getVersionInfo()).setResponseNonce(r.getNonce());
      if (r.getTypeUrl().equals(TypeUrls.CLUSTER)) {
        clusters = Math.max(clusters, r.getResourcesCount());
        requests.onNext(ack.build());
        if (!edsRequested) {
          edsRequested = true;
          requests.onNext(eds);
        }
      } else if (r.getTypeUrl().equals(TypeUrls.ENDPOINT)) {
        tracker.endpoints(index, r.getResourcesList());
        endpoints += r.getResourcesCount();
        requests.onNext(eds.toBuilder().setVersionInfo(r.getVersionInfo()).setResponseNonce(r.getNonce()).build());
      } else {
        requests.onNext(ack.build());
      }
      checkSynced();
    }
  }

  private static final class Delta extends Counting implements StreamObserver<DeltaDiscoveryResponse> {
    StreamObserver<DeltaDiscoveryRequest> requests;

    Delta(int index, Node node, List<String> clusterNames, LoadTracker tracker) {
      super(index, node, clusterNames, tracker);
    }

    void start() {
      requests.onNext(DeltaDiscoveryRequest.newBuilder().setNode(node).setTypeUrl(TypeUrls.CLUSTER).build());
    }

    @Override
    public void onNext(DeltaDiscoveryResponse r) {
      requests.onNext(DeltaDiscoveryRequest.newBuilder().setTypeUrl(r.getTypeUrl())
          .setResponseNonce(r.getNonce()).build());
      if (r.getTypeUrl().equals(TypeUrls.CLUSTER)) {
        clusters += r.getResourcesCount();
        if (!edsRequested) {
          edsRequested = true;
          requests.onNext(DeltaDiscoveryRequest.newBuilder().setTypeUrl(TypeUrls.ENDPOINT)
              .addAllResourceNamesSubscribe(clusterNames).build());
        }
      } else if (r.getTypeUrl().equals(TypeUrls.ENDPOINT)) {
        for (Resource res : r.getResourcesList()) {
          tracker.endpoints(index, res.getResource());
        }
        endpoints += r.getResourcesCount();
      }
      checkSynced();
    }
  }
}
