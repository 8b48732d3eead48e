package dev.meshwright.xds.gateway;

import dev.meshwright.api.networking.Server;
import dev.meshwright.api.networking.ServerTLSSettings;
import dev.meshwright.api.networking.ServerTLSSettings.TLSmode;
import java.util.Locale;

/** Istio's protocol classes of a gateway server port ({@code protocol.Parse} and {@code pkg/config/gateway}). */
enum ServerProtocol {
  HTTP, HTTP2, HTTP_PROXY, GRPC, GRPC_WEB, HTTPS, TLS, TCP, MONGO, REDIS, MYSQL, UDP, UNSUPPORTED;

  static ServerProtocol parse(String s) {
    return switch (s == null ? "" : s.toLowerCase(Locale.ROOT)) {
      case "http" -> HTTP;
      case "http2" -> HTTP2;
      case "http_proxy" -> HTTP_PROXY;
      case "grpc" -> GRPC;
      case "grpc-web" -> GRPC_WEB;
      case "https" -> HTTPS;
      case "tls" -> TLS;
      case "tcp" -> TCP;
      case "mongo" -> MONGO;
      case "redis" -> REDIS;
      case "mysql" -> MYSQL;
      case "udp" -> UDP;
      default -> UNSUPPORTED;
    };
  }

  static ServerProtocol of(Server s) {
    return parse(s.port().flatMap(p -> p.protocol()).orElse(""));
  }

  boolean isHttp() {
    return this == HTTP || this == HTTP2 || this == HTTP_PROXY || this == GRPC || this == GRPC_WEB;
  }

  /** The server's TLS mode; a {@code tls} block without a mode is PASSTHROUGH (the proto default). */
  static TLSmode mode(Server s) {
    return s.tls().flatMap(ServerTLSSettings::mode).orElse(TLSmode.PASSTHROUGH);
  }

  static boolean isPassthrough(Server s) {
    return s.tls().isPresent() && (mode(s) == TLSmode.PASSTHROUGH || mode(s) == TLSmode.AUTO_PASSTHROUGH);
  }

  /** A TLS server (not an HTTP server with an https redirect). */
  static boolean isTlsServer(Server s) {
    return s.tls().isPresent() && !of(s).isHttp();
  }

  /** An HTTP server, or an HTTPS server terminating TLS: it gets an HTTP connection manager and a route. */
  static boolean isHttpServer(Server s) {
    ServerProtocol p = of(s);
    return p.isHttp() || (p == HTTPS && !isPassthrough(s));
  }

  static boolean isHttpsTerminating(Server s) {
    return s.tls().isPresent() && of(s) == HTTPS && !isPassthrough(s);
  }

  /** A TLS (non-HTTP) server that terminates TLS and forwards TCP. */
  static boolean isTcpTerminating(Server s) {
    ServerProtocol p = of(s);
    return !isPassthrough(s) && !p.isHttp() && p != HTTPS;
  }
}
