package dev.meshwright.xds.e2e;

import dev.meshwright.xds.server.ProxylessBootstrap;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.NameResolverRegistry;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.xds.XdsNameResolverProvider;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * grpc-java's own proxyless xDS client (grpc-xds) calling {@link EchoMesh#TARGET} (or another name), bootstrapped to one control plane
 * port with an Istio node identity ({@code GENERATOR=grpc}, namespace {@link EchoMesh#NAMESPACE}). Each client has
 * its own resolver scheme, hence its own xDS client and ADS stream, so clients in one JVM (and tests running in
 * parallel) never share state; nothing global ({@code io.grpc.xds.bootstrapConfig}) is set. Thread-safe.
 */
final class ProxylessClient implements AutoCloseable {
  private static final AtomicInteger SCHEMES = new AtomicInteger();
  private static final Duration CALL_DEADLINE = Duration.ofSeconds(5);

  /** What one call got: the backend that answered, or the status it failed with, and how long it took. */
  record Reply(String backend, Status.Code code, Duration took) {
    /** The backend's name, or {@code error <CODE>}. */
    String outcome() {
      return code == Status.Code.OK ? backend : "error " + code;
    }
  }

  private final ManagedChannel channel;
  private final XdsNameResolverProvider resolver;
  private final String nodeId;

  private ProxylessClient(ManagedChannel channel, XdsNameResolverProvider resolver, String nodeId) {
    this.channel = channel;
    this.resolver = resolver;
    this.nodeId = nodeId;
  }

  /** A client as pod {@code pod} talking to the xDS server on loopback port {@code xdsPort}; resolves at once. */
  static ProxylessClient connect(int xdsPort, String pod) {
    return connect(xdsPort, pod, EchoMesh.TARGET);
  }

  /** As {@link #connect(int, String)}, dialing {@code target} ({@code host:port}, the LDS name asked for). */
  static ProxylessClient connect(int xdsPort, String pod, String target) {
    ProxylessBootstrap bootstrap = ProxylessBootstrap.of("127.0.0.1:" + xdsPort, pod, EchoMesh.NAMESPACE)
        .withLabels(Map.of("app", pod)).withDomainSuffix(EchoMesh.DOMAIN);
    String scheme = "meshwright-e2e-" + SCHEMES.incrementAndGet();
    XdsNameResolverProvider resolver = XdsNameResolverProvider.createForTest(scheme, bootstrap.toMap());
    NameResolverRegistry.getDefaultRegistry().register(resolver);
    ManagedChannel channel = Grpc.newChannelBuilder(scheme + ":///" + target,
        InsecureChannelCredentials.create()).build();
    channel.getState(true); // resolve now: the xDS client subscribes before the first call
    return new ProxylessClient(channel, resolver, bootstrap.nodeId());
  }

  /** The node ID this client sends. */
  String nodeId() {
    return nodeId;
  }

  /** One call without extra headers. */
  Reply call() {
    return call(Map.of());
  }

  /** One call carrying {@code headers} (ASCII metadata); never throws for a failed call. */
  Reply call(Map<String, String> headers) {
    Metadata md = new Metadata();
    headers.forEach((k, v) -> md.put(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER), v));
    Channel ch = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(md));
    long start = System.nanoTime();
    try {
      String backend = ClientCalls.blockingUnaryCall(ch, Backend.METHOD,
          CallOptions.DEFAULT.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS), "hello");
      return new Reply(backend, Status.Code.OK, Duration.ofNanos(System.nanoTime() - start));
    } catch (StatusRuntimeException e) {
      return new Reply("", e.getStatus().getCode(), Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** {@code calls} calls with {@code headers}: how many each outcome ({@link Reply#outcome()}) got, sorted. */
  Map<String, Integer> send(int calls, Map<String, String> headers) {
    Map<String, Integer> out = new TreeMap<>();
    for (int i = 0; i < calls; i++) {
      out.merge(call(headers).outcome(), 1, Integer::sum);
    }
    return out;
  }

  /** {@code calls} calls without extra headers. */
  Map<String, Integer> send(int calls) {
    return send(calls, Map.of());
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    NameResolverRegistry.getDefaultRegistry().deregister(resolver);
  }
}
