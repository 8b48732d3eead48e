package dev.meshwright.xds.e2e;

import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real gRPC backend on a free loopback port: {@link #METHOD} answers with the backend's name, after an optional
 * delay, unless it is one of the first calls told to fail. Counts every call it receives (attempts, for retries).
 * Thread-safe; closing stops the server.
 */
final class Backend implements AutoCloseable {
  /** {@code e2e.Echo/Name}: any string in, the serving backend's name out. */
  static final MethodDescriptor<String, String> METHOD = MethodDescriptor.<String, String>newBuilder()
      .setType(MethodDescriptor.MethodType.UNARY)
      .setFullMethodName(MethodDescriptor.generateFullMethodName("e2e.Echo", "Name"))
      .setRequestMarshaller(new Utf8())
      .setResponseMarshaller(new Utf8())
      .build();

  private final String name;
  private final Server server;
  private final AtomicInteger calls;

  private Backend(String name, Server server, AtomicInteger calls) {
    this.name = name;
    this.server = server;
    this.calls = calls;
  }

  /** A backend that answers every call at once. */
  static Backend start(String name) throws IOException {
    return start(name, 0, Status.OK, Duration.ZERO);
  }

  /** A backend whose first {@code failures} calls end with {@code status}; later calls are answered. */
  static Backend failingFirst(String name, int failures, Status status) throws IOException {
    return start(name, failures, status, Duration.ZERO);
  }

  /** A backend that answers each call after {@code delay}. */
  static Backend slow(String name, Duration delay) throws IOException {
    return start(name, 0, Status.OK, delay);
  }

  private static Backend start(String name, int failures, Status status, Duration delay) throws IOException {
    AtomicInteger calls = new AtomicInteger();
    ServerServiceDefinition service = ServerServiceDefinition.builder("e2e.Echo")
        .addMethod(METHOD, ServerCalls.asyncUnaryCall((String request, StreamObserver<String> out) -> {
          if (calls.incrementAndGet() <= failures) {
            out.onError(status.withDescription(name + " fails call " + calls.get()).asRuntimeException());
            return;
          }
          Runnable answer = () -> {
            out.onNext(name);
            out.onCompleted();
          };
          if (delay.isZero()) {
            answer.run();
          } else {
            CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(answer);
          }
        }))
        .build();
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service)
        .build().start();
    return new Backend(name, server, calls);
  }

  /** The name this backend answers with (also its {@code version} label in the mesh). */
  String name() {
    return name;
  }

  /** The bound loopback port. */
  int port() {
    return server.getPort();
  }

  /** How many calls (attempts) reached this backend. */
  int calls() {
    return calls.get();
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

  /** Strings as UTF-8 bytes. */
  private static final class Utf8 implements MethodDescriptor.Marshaller<String> {
    @Override
    public InputStream stream(String value) {
      return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String parse(InputStream stream) {
      try {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
