package dev.meshwright.xds.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.rpc.Status;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted raw ADS client for protocol tests: one SotW or Delta stream on a plaintext loopback channel;
 * requests are sent as written, responses queue up and are taken with a bounded wait.
 */
final class AdsClient implements AutoCloseable {
  static final String NODE_ID = "sidecar~10.1.2.3~shop-v1-abc.shop~shop.svc.corp.example";
  private static final long WAIT_SECONDS = 30;

  private final ManagedChannel channel;
  private String nodeId = NODE_ID;
  private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private StreamObserver<DiscoveryRequest> sotw;
  private StreamObserver<DeltaDiscoveryRequest> delta;

  private AdsClient(int port) {
    channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  static AdsClient sotw(int port) {
    AdsClient c = new AdsClient(port);
    c.sotw = AggregatedDiscoveryServiceGrpc.newStub(c.channel).streamAggregatedResources(c.observer());
    return c;
  }

  static AdsClient delta(int port) {
    AdsClient c = new AdsClient(port);
    c.delta = AggregatedDiscoveryServiceGrpc.newStub(c.channel).deltaAggregatedResources(c.observer());
    return c;
  }

  /** A SotW client whose requests carry {@code nodeId}. */
  static AdsClient sotw(int port, String nodeId) {
    AdsClient c = sotw(port);
    c.nodeId = nodeId;
    return c;
  }

  /** A Delta client whose requests carry {@code nodeId}. */
  static AdsClient delta(int port, String nodeId) {
    AdsClient c = delta(port);
    c.nodeId = nodeId;
    return c;
  }

  static Node node(String id) {
    return Node.newBuilder().setId(id).setMetadata(Struct.newBuilder()
        .putFields("ISTIO_VERSION", Value.newBuilder().setStringValue("1.22.8").build())
        .putFields("CLUSTER_ID", Value.newBuilder().setStringValue("corp-east").build())).build();
  }

  private <T> StreamObserver<T> observer() {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        inbox.add(value);
      }

      @Override
      public void onError(Throwable t) {
        inbox.add(t);
      }

      @Override
      public void onCompleted() {
        inbox.add("completed");
      }
    };
  }

  /** A SotW request; the node rides along on every request. */
  void request(String type, List<String> names, String version, String nonce) {
    sotw.onNext(DiscoveryRequest.newBuilder().setNode(node(nodeId)).setTypeUrl(type).addAllResourceNames(names)
        .setVersionInfo(version).setResponseNonce(nonce).build());
  }

  void send(DiscoveryRequest req) {
    sotw.onNext(req);
  }

  /** ACKs a SotW response, keeping {@code names} subscribed. */
  void ack(DiscoveryResponse r, List<String> names) {
    request(r.getTypeUrl(), names, r.getVersionInfo(), r.getNonce());
  }

  void nack(DiscoveryResponse r, List<String> names, String message) {
    sotw.onNext(DiscoveryRequest.newBuilder().setNode(node(nodeId)).setTypeUrl(r.getTypeUrl())
        .addAllResourceNames(names).setResponseNonce(r.getNonce())
        .setErrorDetail(Status.newBuilder().setCode(3).setMessage(message)).build());
  }

  void delta(String type, List<String> subscribe, List<String> unsubscribe, String nonce) {
    delta.onNext(DeltaDiscoveryRequest.newBuilder().setNode(node(nodeId)).setTypeUrl(type)
        .addAllResourceNamesSubscribe(subscribe).addAllResourceNamesUnsubscribe(unsubscribe)
        .setResponseNonce(nonce).build());
  }

  void deltaInitial(String type, List<String> subscribe, Map<String, String> initialVersions) {
    delta.onNext(DeltaDiscoveryRequest.newBuilder().setNode(node(nodeId)).setTypeUrl(type)
        .addAllResourceNamesSubscribe(subscribe).putAllInitialResourceVersions(initialVersions).build());
  }

  void send(DeltaDiscoveryRequest req) {
    delta.onNext(req);
  }

  void deltaAck(DeltaDiscoveryResponse r) {
    delta(r.getTypeUrl(), List.of(), List.of(), r.getNonce());
  }

  void deltaNack(DeltaDiscoveryResponse r, String message) {
    delta.onNext(DeltaDiscoveryRequest.newBuilder().setNode(node(nodeId)).setTypeUrl(r.getTypeUrl())
        .setResponseNonce(r.getNonce()).setErrorDetail(Status.newBuilder().setCode(3).setMessage(message)).build());
  }

  /** The next thing the server sent (a response, a Throwable, or "completed"). */
  Object nextEvent() {
    try {
      Object o = inbox.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(o).as("a message from the server within " + WAIT_SECONDS + " s").isNotNull();
      return o;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next thing the server sent within {@code millis}, or null when nothing came. */
  Object poll(long millis) {
    try {
      return inbox.poll(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  DiscoveryResponse next() {
    Object o = nextEvent();
    assertThat(o).isInstanceOf(DiscoveryResponse.class);
    return (DiscoveryResponse) o;
  }

  DeltaDiscoveryResponse nextDelta() {
    Object o = nextEvent();
    assertThat(o).isInstanceOf(DeltaDiscoveryResponse.class);
    return (DeltaDiscoveryResponse) o;
  }

  @Override
  public void close() {
    if (sotw != null) {
      sotw.onCompleted();
    }
    if (delta != null) {
      delta.onCompleted();
    }
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
