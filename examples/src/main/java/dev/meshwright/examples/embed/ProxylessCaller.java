package dev.meshwright.examples.embed;

import dev.meshwright.xds.server.ProxylessBootstrap;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.NameResolverRegistry;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.MetadataUtils;
import io.grpc.xds.XdsNameResolverProvider;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A proxyless gRPC client of the embedded control plane: a grpc-java channel whose name resolver is grpc-xds's,
 * bootstrapped for this channel only ({@link ProxylessBootstrap}, no global {@code GRPC_XDS_BOOTSTRAP}), so every
 * call is routed by the listener, routes, clusters and endpoints the control plane serves. Each caller registers
 * its own resolver scheme ({@code embed-N}, an {@code xds} resolver under another name) so several identities can
 * share a JVM. Thread-safe (a channel is).
 */
final class ProxylessCaller implements AutoCloseable {
  private static final AtomicInteger SCHEMES = new AtomicInteger();
  private final ManagedChannel channel;
  private final String target;

  private ProxylessCaller(ManagedChannel channel, String target) {
    this.channel = channel;
    this.target = target;
  }

  /** A channel to {@code hostPort} as the workload {@code bootstrap} describes; it subscribes at once. */
  static ProxylessCaller connect(ProxylessBootstrap bootstrap, String hostPort) {
    String scheme = "embed-" + SCHEMES.incrementAndGet();
    NameResolverRegistry.getDefaultRegistry()
        .register(XdsNameResolverProvider.createForTest(scheme, bootstrap.toMap()));
    String target = scheme + ":///" + hostPort;
    ManagedChannel channel = Grpc.newChannelBuilder(target, InsecureChannelCredentials.create()).build();
    channel.getState(true);        // resolve now: LDS, RDS, CDS and EDS are fetched before the first call
    return new ProxylessCaller(channel, target);
  }

  /** The channel's target, {@code scheme:///host:port}. */
  String target() {
    return target;
  }

  /** Makes {@code calls} health checks; how many each instance (or error status) answered, sorted by name. */
  Map<String, Integer> call(int calls) {
    Map<String, Integer> out = new TreeMap<>();
    for (int i = 0; i < calls; i++) {
      AtomicReference<Metadata> headers = new AtomicReference<>();
      String answer;
      try {
        HealthGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, new AtomicReference<>()))
            .withDeadlineAfter(5, TimeUnit.SECONDS)
            .check(HealthCheckRequest.getDefaultInstance());
        String servedBy = headers.get() == null ? null : headers.get().get(Backends.SERVED_BY);
        answer = servedBy == null ? "no " + Backends.SERVED_BY_HEADER : servedBy;
      } catch (StatusRuntimeException e) {
        answer = "error " + e.getStatus().getCode() + ": " + e.getStatus().getDescription();
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
