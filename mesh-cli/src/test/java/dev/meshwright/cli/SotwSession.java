package dev.meshwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A proxy on one SotW ADS stream that ACKs every response at once, as Envoy does. For meshctl serve tests. */
final class SotwSession implements AutoCloseable {
  private final ManagedChannel channel;
  private final Node node;
  private final Map<String, List<String>> subscriptions = new ConcurrentHashMap<>();
  private final List<DiscoveryResponse> inbox = new ArrayList<>();
  private final StreamObserver<DiscoveryRequest> requests;

  private SotwSession(int port, String nodeId) {
    this.channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    this.node = Node.newBuilder().setId(nodeId).build();
    this.requests = AggregatedDiscoveryServiceGrpc.newStub(channel).streamAggregatedResources(new StreamObserver<>() {
      @Override
      public void onNext(DiscoveryResponse r) {
        send(DiscoveryRequest.newBuilder().setNode(node).setTypeUrl(r.getTypeUrl()).setVersionInfo(r.getVersionInfo())
            .setResponseNonce(r.getNonce()).addAllResourceNames(subscriptions.getOrDefault(r.getTypeUrl(), List.of()))
            .build());
        synchronized (inbox) {
          inbox.add(r);
          inbox.notifyAll();
        }
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    });
  }

  /** A session to the ADS server on loopback {@code port} as proxy {@code nodeId}. */
  static SotwSession connect(int port, String nodeId) {
    return new SotwSession(port, nodeId);
  }

  private synchronized void send(DiscoveryRequest r) {
    requests.onNext(r);
  }

  /** Subscribes to {@code names} of {@code typeUrl} (empty: wildcard). */
  void subscribe(String typeUrl, List<String> names) {
    subscriptions.put(typeUrl, List.copyOf(names));
    send(DiscoveryRequest.newBuilder().setNode(node).setTypeUrl(typeUrl).addAllResourceNames(names).build());
  }

  /**
   * The next response of {@code typeUrl} that {@code wanted} accepts; earlier responses of that type are dropped,
   * those of other types kept. Fails after 60 s.
   */
  DiscoveryResponse next(String typeUrl, Predicate<DiscoveryResponse> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    synchronized (inbox) {
      while (true) {
        Iterator<DiscoveryResponse> it = inbox.iterator();
        while (it.hasNext()) {
          DiscoveryResponse r = it.next();
          if (r.getTypeUrl().equals(typeUrl)) {
            it.remove();
            if (wanted.test(r)) {
              return r;
            }
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        assertThat(left).as("a wanted " + typeUrl + " response within 60 s").isPositive();
        inbox.wait(left);
      }
    }
  }

  @Override
  public void close() {
    requests.onCompleted();
    channel.shutdownNow();
  }
}
