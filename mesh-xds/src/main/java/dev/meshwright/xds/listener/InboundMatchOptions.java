package dev.meshwright.xds.listener;

import dev.meshwright.xds.listener.PeerAuthentications.Mode;
import java.util.List;

/**
 * Which filter chains an inbound port gets for its mTLS mode and protocol (pilot/pkg/networking/core/
 * filterchain_options.go): each option is one chain, matching a transport protocol ({@code tls} or
 * {@code raw_buffer}) and ALPN values, carrying HTTP or TCP filters, terminating mTLS or not. Constant tables.
 */
final class InboundMatchOptions {
  private InboundMatchOptions() {}

  static final String TLS = "tls";
  static final String RAW = "raw_buffer";

  /** The HTTP ALPNs the outbound HTTP inspector sniffs (HTTP/1.0 is not matched unless enabled). */
  static final List<String> PLAINTEXT_HTTP_ALPNS = List.of("http/1.1", "h2c");
  static final List<String> MTLS_HTTP_ALPNS = List.of("istio-http/1.0", "istio-http/1.1", "istio-h2");
  static final List<String> ALL_ISTIO_MTLS_ALPNS =
      List.of("istio", "istio-peer-exchange", "istio-http/1.0", "istio-http/1.1", "istio-h2");
  static final List<String> MTLS_TCP_WITH_MXC_ALPNS = List.of("istio-peer-exchange", "istio");

  /** One chain: ALPNs and transport to match, HTTP or TCP filters, whether it terminates mTLS. */
  record Option(List<String> alpn, String transport, ChainProtocol protocol, boolean tls) {}

  private static Option opt(List<String> alpn, String transport, ChainProtocol protocol, boolean tls) {
    return new Option(alpn, transport, protocol, tls);
  }

  private static final List<Option> AUTO_STRICT = List.of(
      opt(MTLS_HTTP_ALPNS, TLS, ChainProtocol.HTTP, true),
      opt(List.of(), TLS, ChainProtocol.TCP, true));
  private static final List<Option> AUTO_PERMISSIVE = List.of(
      opt(MTLS_HTTP_ALPNS, TLS, ChainProtocol.HTTP, true),
      opt(PLAINTEXT_HTTP_ALPNS, RAW, ChainProtocol.HTTP, false),
      opt(MTLS_TCP_WITH_MXC_ALPNS, TLS, ChainProtocol.TCP, true),
      opt(List.of(), RAW, ChainProtocol.TCP, false),
      opt(List.of(), TLS, ChainProtocol.TCP, false));
  private static final List<Option> AUTO_DISABLE = List.of(
      opt(PLAINTEXT_HTTP_ALPNS, RAW, ChainProtocol.HTTP, false),
      opt(List.of(), RAW, ChainProtocol.TCP, false));
  private static final List<Option> HTTP_STRICT = List.of(opt(List.of(), TLS, ChainProtocol.HTTP, true));
  private static final List<Option> HTTP_PERMISSIVE = List.of(
      opt(ALL_ISTIO_MTLS_ALPNS, TLS, ChainProtocol.HTTP, true),
      opt(List.of(), RAW, ChainProtocol.HTTP, false));
  private static final List<Option> HTTP_DISABLE = List.of(opt(List.of(), RAW, ChainProtocol.HTTP, false));
  private static final List<Option> TCP_STRICT = List.of(opt(List.of(), TLS, ChainProtocol.TCP, true));
  private static final List<Option> TCP_PERMISSIVE = List.of(
      opt(ALL_ISTIO_MTLS_ALPNS, TLS, ChainProtocol.TCP, true),
      opt(List.of(), TLS, ChainProtocol.TCP, false),
      opt(List.of(), RAW, ChainProtocol.TCP, false));
  private static final List<Option> TCP_DISABLE = List.of(opt(List.of(), RAW, ChainProtocol.TCP, false));

  /** The chains of a port whose listener protocol is {@code protocol} under {@code mode}; UDP ports count as TCP. */
  static List<Option> of(Mode mode, ChainProtocol protocol) {
    return switch (protocol) {
      case HTTP -> switch (mode) {
        case STRICT -> HTTP_STRICT;
        case PERMISSIVE -> HTTP_PERMISSIVE;
        case DISABLE -> HTTP_DISABLE;
      };
      case AUTO -> switch (mode) {
        case STRICT -> AUTO_STRICT;
        case PERMISSIVE -> AUTO_PERMISSIVE;
        case DISABLE -> AUTO_DISABLE;
      };
      case TCP, NONE -> switch (mode) {
        case STRICT -> TCP_STRICT;
        case PERMISSIVE -> TCP_PERMISSIVE;
        case DISABLE -> TCP_DISABLE;
      };
    };
  }
}
