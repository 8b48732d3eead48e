package dev.meshwright.cli.demo;

import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Bookinfo's reviews service as in-process gRPC servers, one per version, each on its own loopback port; a call to
 * {@link #METHOD} answers with the version that served it. Closing stops them all.
 */
public final class ReviewsServers implements AutoCloseable {
  /** {@code bookinfo.Reviews/GetReviews}: a product ID in, {@code reviews-<version>} out. */
  static final MethodDescriptor<String, String> METHOD = MethodDescriptor.<String, String>newBuilder()
      .setType(MethodDescriptor.MethodType.UNARY)
      .setFullMethodName(MethodDescriptor.generateFullMethodName("bookinfo.Reviews", "GetReviews"))
      .setRequestMarshaller(new Utf8())
      .setResponseMarshaller(new Utf8())
      .build();

  private final Map<String, Server> byVersion;

  private ReviewsServers(Map<String, Server> byVersion) {
    this.byVersion = byVersion;
  }

  /** Starts one server per version on 127.0.0.1 and free ports. */
  public static ReviewsServers start(List<String> versions) throws IOException {
    Map<String, Server> servers = new LinkedHashMap<>();
    try {
      for (String v : versions) {
        ServerServiceDefinition service = ServerServiceDefinition.builder("bookinfo.Reviews")
            .addMethod(METHOD, ServerCalls.asyncUnaryCall((String request, io.grpc.stub.StreamObserver<String> out) -> {
              out.onNext("reviews-" + v);
              out.onCompleted();
            }))
            .build();
        servers.put(v, NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service)
            .build().start());
      }
    } catch (IOException | RuntimeException e) {
      servers.values().forEach(Server::shutdownNow);
      throw e;
    }
    return new ReviewsServers(servers);
  }

  /** The port of each version's server. */
  public Map<String, Integer> ports() {
    Map<String, Integer> out = new LinkedHashMap<>();
    byVersion.forEach((v, s) -> out.put(v, s.getPort()));
    return out;
  }

  @Override
  public void close() {
    List<Server> all = new ArrayList<>(byVersion.values());
    all.forEach(Server::shutdown);
    for (Server s : all) {
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

  /** Strings as UTF-8 bytes. */
  static final class Utf8 implements MethodDescriptor.Marshaller<String> {
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
