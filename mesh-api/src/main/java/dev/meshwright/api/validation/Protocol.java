package dev.meshwright.api.validation;

import java.util.Locale;
import java.util.Optional;

/**
 * Istio's port protocols ({@code pkg/config/protocol}) as Gateway servers, Sidecar listeners and ServiceEntry
 * ports name them; names are matched case-insensitively and anything unknown is {@link #UNSUPPORTED}.
 * Immutable and thread-safe.
 */
public enum Protocol {
  TCP, UDP, GRPC, GRPC_WEB, HTTP, HTTP_PROXY, HTTP2, HTTPS, TLS, MONGO, REDIS, MYSQL, UNSUPPORTED;

  /** The protocol {@code name} denotes, or {@link #UNSUPPORTED}; never throws. */
  public static Protocol parse(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "tcp" -> TCP;
      case "udp" -> UDP;
      case "grpc" -> GRPC;
      case "grpc-web" -> GRPC_WEB;
      case "http" -> HTTP;
      case "http_proxy" -> HTTP_PROXY;
      case "http2" -> HTTP2;
      case "https" -> HTTPS;
      case "tls" -> TLS;
      case "mongo" -> MONGO;
      case "redis" -> REDIS;
      case "mysql" -> MYSQL;
      default -> UNSUPPORTED;
    };
  }

  /** Istio's {@code ValidateProtocol}: empty (the protocol is sniffed) or a known protocol. */
  public static Optional<String> check(String name) {
    return !name.isEmpty() && parse(name) == UNSUPPORTED
        ? Optional.of("unsupported protocol: " + name)
        : Optional.empty();
  }

  /** Whether the proxy handles this protocol as HTTP (HTTP/1.1, HTTP/2, gRPC, gRPC-Web, HTTP proxy). */
  public boolean isHttp() {
    return this == HTTP || this == HTTP2 || this == HTTP_PROXY || this == GRPC || this == GRPC_WEB;
  }

  /** Whether the proxy handles this protocol as opaque TCP (TCP, TLS and the TCP-based application protocols). */
  public boolean isTcp() {
    return this == TCP || this == HTTPS || this == TLS || this == MONGO || this == REDIS || this == MYSQL;
  }

  /** Whether this protocol carries TLS (HTTPS, TLS). */
  public boolean isTls() {
    return this == HTTPS || this == TLS;
  }
}
