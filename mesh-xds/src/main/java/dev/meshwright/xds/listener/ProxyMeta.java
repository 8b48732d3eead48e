package dev.meshwright.xds.listener;

import com.google.protobuf.Duration;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.mesh.ProxyConfig;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.ProxyContext;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What listener generation reads from a proxy and the mesh: interception mode, IP families, the node metadata knobs
 * ({@code IDLE_TIMEOUT}, {@code HTTP10}, status ports) and the mesh ports. Values only.
 */
final class ProxyMeta {
  private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private final ProxyContext ctx;

  ProxyMeta(ProxyContext ctx) {
    this.ctx = ctx;
  }

  Proxy proxy() {
    return ctx.proxy();
  }

  MeshConfig mesh() {
    return ctx.meshConfig();
  }

  ProxyConfig proxyConfig() {
    return mesh().defaultConfig().orElse(MeshConfigs.defaultProxyConfig());
  }

  enum Interception { REDIRECT, TPROXY, NONE }

  Interception interception() {
    return switch (proxy().interceptionMode()) {
      case "TPROXY" -> Interception.TPROXY;
      case "NONE" -> Interception.NONE;
      default -> Interception.REDIRECT;
    };
  }

  boolean supportsIpv4() {
    return proxy().ipAddresses().stream().anyMatch(ip -> !ip.contains(":"));
  }

  boolean supportsIpv6() {
    return proxy().ipAddresses().stream().anyMatch(ip -> ip.contains(":"));
  }

  /** The wildcard bind: {@code 0.0.0.0}, or {@code ::} for IPv6-only proxies. */
  String wildcard() {
    return supportsIpv4() ? Names.WILDCARD_V4 : Names.WILDCARD_V6;
  }

  String localhost() {
    return supportsIpv4() ? Names.LOCALHOST_V4 : Names.LOCALHOST_V6;
  }

  int outboundPort() {
    return mesh().proxyListenPort().orElse(15001);
  }

  int inboundPort() {
    return mesh().proxyInboundListenPort().orElse(15006);
  }

  /** {@code IDLE_TIMEOUT} as a duration, empty when unset or unparsable (Istio ignores it then). */
  Optional<Duration> idleTimeout() {
    return proxy().meta("IDLE_TIMEOUT").flatMap(ProxyMeta::goDuration);
  }

  boolean http10() {
    return proxy().meta("HTTP10").map("1"::equals).orElse(false);
  }

  int metaPort(String key) {
    try {
      return proxy().meta(key).map(Integer::parseInt).orElse(0);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Whether a listener on {@code port} would clash with the virtual or the agent's static listeners. */
  boolean reservedPort(int port) {
    return port == outboundPort() || port == inboundPort() || port == metaPort("ENVOY_STATUS_PORT")
        || port == metaPort("ENVOY_PROMETHEUS_PORT");
  }

  /** A Go duration string ({@code 1h30m}, {@code 0.5s}) as a protobuf duration. */
  static Optional<Duration> goDuration(String s) {
    if (s.equals("0")) {
      return Optional.of(Listeners.zero());
    }
    Matcher m = GO_DURATION.matcher(s);
    double nanos = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        return Optional.empty();
      }
      end = m.end();
      double v = Double.parseDouble(m.group(1));
      nanos += v * switch (m.group(2)) {
        case "ns" -> 1;
        case "us", "µs" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        default -> 3600e9;
      };
    }
    if (end == 0 || end != s.length()) {
      return Optional.empty();
    }
    long total = (long) nanos;
    return Optional.of(Duration.newBuilder().setSeconds(total / 1_000_000_000L)
        .setNanos((int) (total % 1_000_000_000L)).build());
  }

  static Duration duration(java.time.Duration d) {
    return Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
  }
}
