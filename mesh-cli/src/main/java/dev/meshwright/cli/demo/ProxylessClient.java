package dev.meshwright.cli.demo;

import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.NameResolverRegistry;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.xds.XdsNameResolverProvider;
import java.util.List;
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
    String nodeId = "sidecar~127.0.0.1~" + pod + "." + namespace + "~" + namespace + ".svc.cluster.local";
    Map<String, Object> node = Map.of("id", nodeId, "metadata", Map.of("GENERATOR", "grpc", "NAMESPACE", namespace,
        "LABELS", labels, "ISTIO_VERSION", "1.22.8", "CLUSTER_ID", "Kubernetes"));
    Map<String, Object> bootstrap = Map.of(
        "xds_servers", List.of(Map.of("server_uri", "127.0.0.1:" + xdsPort,
            "channel_creds", List.of(Map.of("type", "insecure")), "server_features", List.of("xds_v3"))),
        "node", node);
    String scheme = "meshwright-demo-" + SCHEMES.incrementAndGet();
    NameResolverRegistry.getDefaultRegistry().register(XdsNameResolverProvider.createForTest(scheme, bootstrap));
    ManagedChannel channel = Grpc.newChannelBuilder(scheme + ":///" + target, InsecureChannelCredentials.create())
        .build();
    channel.getState(true);       // resolve now: the xDS client subscribes before the first call
    return new ProxylessClient(channel, nodeId);
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
