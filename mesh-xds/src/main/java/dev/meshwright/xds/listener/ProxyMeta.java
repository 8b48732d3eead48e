package dev.meshwright.xds.listener;

import com.google.protobuf.Duration;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.ProxyConfig;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.ProxyContext;
import java.util.Optional;

/**
 * What listener generation reads from a proxy and the mesh: interception mode, IP families, the node metadata knobs
 * ({@code IDLE_TIMEOUT}, {@code HTTP10}, status ports) and the mesh ports. Values only.
 */
final class ProxyMeta {
  private final ProxyContext ctx;

  ProxyMeta(ProxyContext ctx) {
    this.ctx = ctx;
  }

  ProxyContext context() {
    return ctx;
  }

  Proxy proxy() {
    return ctx.proxy();
  }

  MeshConfig mesh() {
    return ctx.meshConfig();
  }

  ProxyConfig proxyConfig() {
    return ctx.proxyConfig();
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
    return proxy().meta("IDLE_TIMEOUT").flatMap(Listeners::goDuration);
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

  static Duration duration(java.time.Duration d) {
    return Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
  }
}
