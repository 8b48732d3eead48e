package dev.meshwright.cli.demo;

import dev.meshwright.xds.server.ProxylessBootstrap;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.NameResolverRegistry;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.xds.XdsNameResolverProvider;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A proxyless gRPC client of the demo's reviews service: grpc-java's own xDS client, bootstrapped to the embedded
 * control plane with an Istio node identity ({@code GENERATOR=grpc}), so every call is routed by the
 * listeners, routes, clusters and endpoints Meshwright serves. Each client has its own resolver scheme, so several
 * identities can live in one JVM.
 */
public final class ProxylessClient implements AutoCloseable {
  private static final AtomicInteger SCHEMES = new AtomicInteger();
  private final ManagedChannel channel;
  private final String nodeId;

  private ProxylessClient(ManagedChannel channel, String nodeId) {
    this.channel = channel;
    this.nodeId = nodeId;
  }

  /** A client in {@code namespace} as pod {@code pod}, calling {@code target} ({@code host:port}) through xDS. */
  public static ProxylessClient connect(int xdsPort, String pod, String namespace, Map<String, String> labels,
      String target) {
    ProxylessBootstrap bootstrap = ProxylessBootstrap.of("127.0.0.1:" + xdsPort, pod, namespace).withLabels(labels);
    String scheme = "meshwright-demo-" + SCHEMES.incrementAndGet();
    NameResolverRegistry.getDefaultRegistry()
        .register(XdsNameResolverProvider.createForTest(scheme, bootstrap.toMap()));
    ManagedChannel channel = Grpc.newChannelBuilder(scheme + ":///" + target, InsecureChannelCredentials.create())
        .build();
    channel.getState(true);       // resolve now: the xDS client subscribes before the first call
    return new ProxylessClient(channel, bootstrap.nodeId());
  }

  /** The node ID this client connects with. */
  public String nodeId() {
    return nodeId;
  }

  /** {@code calls} calls; how many each answer (or error status) got, sorted. */
  public Map<String, Integer> send(int calls) {
    Map<String, Integer> out = new TreeMap<>();
    for (int i = 0; i < calls; i++) {
      String answer;
      try {
        answer = ClientCalls.blockingUnaryCall(channel, ReviewsServers.METHOD,
            CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), "product-" + i);
      } catch (StatusRuntimeException e) {
        answer = "error " + e.getStatus().getCode();
      }
      out.merge(answer, 1, Integer::sum);
    }
    return out;
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
