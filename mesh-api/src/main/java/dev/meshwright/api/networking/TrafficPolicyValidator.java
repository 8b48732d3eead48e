package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.networking.TrafficPolicy.PortTrafficPolicy;
import dev.meshwright.api.networking.TrafficPolicy.TunnelSettings;
import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.IpAddresses;
import java.util.List;
import java.util.Optional;

/**
 * Istio's traffic policy rules ({@code validateTrafficPolicy} and what it calls): non-empty policies, outlier
 * detection, connection pool, load balancer, client TLS, port-level settings and tunnelling. Stateless.
 */
final class TrafficPolicyValidator {
  private TrafficPolicyValidator() {}

  static void validate(TrafficPolicy policy, Problems p) {
    if (policy.outlierDetection().isEmpty() && policy.connectionPool().isEmpty()
        && policy.loadBalancer().isEmpty() && policy.tls().isEmpty() && policy.portLevelSettings().isEmpty()
        && policy.tunnel().isEmpty() && policy.proxyProtocol().isEmpty()) {
      p.error("traffic policy must have at least one field");
      return;
    }
    if (policy.tunnel().isPresent() && policy.proxyProtocol().isPresent()) {
      p.error("tunnel and proxyProtocol must not be set together");
      return;
    }
    policy.outlierDetection().ifPresent(o -> outlierDetection(o, p.at("outlierDetection")));
    policy.connectionPool().ifPresent(c -> ConnectionPoolSettingsValidator.validate(c, p.at("connectionPool")));
    policy.loadBalancer().ifPresent(lb ->
        LoadBalancerSettingsValidator.validate(lb, policy.outlierDetection(), p.at("loadBalancer")));
    policy.tls().ifPresent(tls -> ClientTLSSettingsValidator.validate(tls, p.at("tls")));
    portLevelSettings(policy.portLevelSettings(), p.at("portLevelSettings"));
    policy.tunnel().ifPresent(t -> tunnel(t, p.at("tunnel")));
  }

  private static void portLevelSettings(List<PortTrafficPolicy> settings, Problems list) {
    for (int i = 0; i < settings.size(); i++) {
      PortTrafficPolicy t = settings.get(i);
      Problems p = list.index(i);
      if (t.port().isEmpty()) {
        p.at("port").error("portTrafficPolicy must have valid port");
      }
      if (t.outlierDetection().isEmpty() && t.connectionPool().isEmpty() && t.loadBalancer().isEmpty()
          && t.tls().isEmpty()) {
        p.error("port traffic policy must have at least one field");
        continue;
      }
      t.outlierDetection().ifPresent(o -> outlierDetection(o, p.at("outlierDetection")));
      t.connectionPool().ifPresent(c -> ConnectionPoolSettingsValidator.validate(c, p.at("connectionPool")));
      t.loadBalancer().ifPresent(lb ->
          LoadBalancerSettingsValidator.validate(lb, t.outlierDetection(), p.at("loadBalancer")));
      t.tls().ifPresent(tls -> ClientTLSSettingsValidator.validate(tls, p.at("tls")));
    }
  }

  static void outlierDetection(OutlierDetection outlier, Problems p) {
    ConnectionPoolSettingsValidator.duration(outlier.baseEjectionTime(), p.at("baseEjectionTime"));
    if (outlier.consecutiveErrors().orElse(0) != 0) {
      p.at("consecutiveErrors").warning("outlier detection consecutive errors is deprecated, use "
          + "consecutiveGatewayErrors or consecutive5xxErrors instead");
    }
    if (!outlier.splitExternalLocalOriginErrors().orElse(false)
        && outlier.consecutiveLocalOriginFailures().orElse(0) != 0) {
      p.at("consecutiveLocalOriginFailures").error("outlier detection consecutive local origin failures is "
          + "specified, but split external local origin errors is set to false");
    }
    ConnectionPoolSettingsValidator.duration(outlier.interval(), p.at("interval"));
    percent(outlier.maxEjectionPercent(), p.at("maxEjectionPercent"));
    percent(outlier.minHealthPercent(), p.at("minHealthPercent"));
  }

  private static void percent(Optional<Integer> value, Problems p) {
    int v = value.orElse(0);
    if (v < 0 || v > 100) {
      p.error("percentage " + v + " is not in range 0..100");
    }
  }

  private static void tunnel(TunnelSettings tunnel, Problems p) {
    String protocol = tunnel.protocol().orElse("");
    if (!protocol.isEmpty() && !protocol.equals("CONNECT") && !protocol.equals("POST")) {
      p.at("protocol").error("tunnel protocol must be \"CONNECT\" or \"POST\"");
    }
    String host = tunnel.targetHost().orElse("");
    Optional<String> fqdn = Checks.fqdn(host);
    Optional<String> ip = IpAddresses.address(host);
    if (fqdn.isPresent() && ip.isPresent()) {
      p.at("targetHost").error("tunnel target host must be valid FQDN or IP address: " + fqdn.get() + "; " + ip.get());
    }
    Checks.port(Integer.toUnsignedLong(tunnel.targetPort().orElse(0))).ifPresent(err ->
        p.at("targetPort").error("tunnel target port is invalid: " + err));
  }
}
