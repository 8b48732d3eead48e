package dev.meshwright.examples.embed;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform's running instances: one real gRPC server per name on a free loopback port, each serving grpc-java's
 * standard health service ({@code grpc.health.v1.Health}) and stamping every response with the header
 * {@value #SERVED_BY_HEADER}, its own name, so a client can count who answered. Closing stops them all.
 */
final class Backends implements AutoCloseable {
  static final String SERVED_BY_HEADER = "x-served-by";
  /** The response header naming the instance that answered. */
  static final Metadata.Key<String> SERVED_BY = Metadata.Key.of(SERVED_BY_HEADER, Metadata.ASCII_STRING_MARSHALLER);

  private final Map<String, Server> byName;

  private Backends(Map<String, Server> byName) {
    this.byName = byName;
  }

  /** Starts one server per name on 127.0.0.1. */
  static Backends start(List<String> names) throws IOException {
    Map<String, Server> servers = new LinkedHashMap<>();
    try {
      for (String name : names) {
        servers.put(name, NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(ServerInterceptors.intercept(new HealthStatusManager().getHealthService(), servedBy(name)))
            .build().start());
      }
    } catch (IOException | RuntimeException e) {
      servers.values().forEach(Server::shutdownNow);
      throw e;
    }
    return new Backends(servers);
  }

  /** The port the instance {@code name} listens on. */
  int port(String name) {
    return byName.get(name).getPort();
  }

  /** Every instance's port, by name. */
  Map<String, Integer> ports() {
    Map<String, Integer> out = new LinkedHashMap<>();
    byName.forEach((n, s) -> out.put(n, s.getPort()));
    return out;
  }

  private static ServerInterceptor servedBy(String name) {
    return new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        return next.startCall(new SimpleForwardingServerCall<>(call) {
          @Override
          public void sendHeaders(Metadata responseHeaders) {
            responseHeaders.put(SERVED_BY, name);
            super.sendHeaders(responseHeaders);
          }
        }, headers);
      }
    };
  }

  @Override
  public void close() {
    byName.values().forEach(Server::shutdown);
    for (Server s : byName.values()) {
      try {
        if (!s.awaitTermination(2, TimeUnit.SECONDS)) {
          s.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        s.shutdownNow();
      }
    }
  }
}
