package dev.meshwright.api.mesh;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.Problems;
import dev.meshwright.api.networking.ClientTLSSettingsValidator;
import dev.meshwright.api.validation.Checks;
import java.time.Duration;
import java.util.Optional;

/**
 * Istio's rules for a ProxyConfig used as the mesh default (ValidateMeshConfigProxyConfig). Absent fields
 * count as their proto zero value, so the rules are meant for an effective (defaulted) config.
 */
final class ProxyConfigValidator {
  private ProxyConfigValidator() {}

  static void validate(ProxyConfig c, Problems p) {
    if (c.configPath().orElse("").isEmpty()) {
      p.at("configPath").error("config path must be set");
    }
    if (c.binaryPath().orElse("").isEmpty()) {
      p.at("binaryPath").error("binary path must be set");
    }
    if (c.serviceCluster().isPresent()) {
      if (c.serviceCluster().get().isEmpty()) {
        p.at("serviceCluster").error("service cluster must be specified");
      }
    } else if (c.tracingServiceName().isEmpty()) {
      p.at("serviceCluster").error("oneof service cluster or tracing service name must be specified");
    }
    drainDuration(c.drainDuration().orElse(Duration.ZERO), p.at("drainDuration"));
    String discovery = c.discoveryAddress().orElse("");
    if (discovery.isEmpty()) {
      p.at("discoveryAddress").error("discovery address must be set to the proxy discovery service");
    } else {
      ProxyAddresses.hostPort(discovery).ifPresent(e -> p.at("discoveryAddress").error("invalid discovery address: " + e));
    }
    c.tracing().ifPresent(t -> tracing(t, p.at("tracing")));
    c.statsdUdpAddress().filter(a -> !a.isEmpty()).ifPresent(a -> ProxyAddresses.hostPort(a).ifPresent(
        e -> p.at("statsdUdpAddress").error("invalid statsd udp address " + Checks.quote(a) + ": " + e)));
    c.envoyMetricsServiceAddress().filter(a -> !a.isEmpty()).ifPresent(a -> ProxyAddresses.hostPort(a).ifPresent(
        e -> p.at("envoyMetricsServiceAddress").error("invalid envoy metrics service address " + Checks.quote(a) + ": " + e)));
    c.envoyMetricsService().flatMap(RemoteService::address).filter(a -> !a.isEmpty()).ifPresent(a -> ProxyAddresses.hostPort(a)
        .ifPresent(e -> p.at("envoyMetricsService").at("address")
            .error("invalid envoy metrics service address " + Checks.quote(a) + ": " + e)));
    c.envoyAccessLogService().flatMap(RemoteService::address).filter(a -> !a.isEmpty()).ifPresent(a -> ProxyAddresses.hostPort(a)
        .ifPresent(e -> p.at("envoyAccessLogService").at("address")
            .error("invalid envoy access log service address " + Checks.quote(a) + ": " + e)));
    Checks.port(c.proxyAdminPort().orElse(0)).ifPresent(e -> p.at("proxyAdminPort").error("invalid proxy admin port: " + e));
    AuthenticationPolicy policy = c.controlPlaneAuthPolicy().orElse(AuthenticationPolicy.NONE);
    if (policy != AuthenticationPolicy.NONE && policy != AuthenticationPolicy.MUTUAL_TLS) {
      p.at("controlPlaneAuthPolicy").error(
          "invalid authentication policy: unrecognized control plane auth policy " + Checks.quote(policy.name()));
    }
    Checks.port(c.statusPort().orElse(0)).ifPresent(e -> p.at("statusPort").error("invalid status port: " + e));
    c.privateKeyProvider().ifPresent(k -> privateKeyProvider(k, p.at("privateKeyProvider")));
  }

  static void drainDuration(Duration d, Problems p) {
    Optional<String> bad = Checks.duration(d);
    if (bad.isPresent()) {
      p.error("invalid drain duration: " + bad.get());
    } else if (d.getNano() != 0) {
      p.error("drain time only supports durations to seconds precision");
    }
  }

  private static void tracing(Tracing t, Problems p) {
    t.lightstep().ifPresent(ls -> {
      String prefix = "invalid lightstep config: ";
      String address = ls.address().orElse("");
      if (address.isEmpty()) {
        p.at("lightstep").at("address").error(prefix + "address is required");
      }
      ProxyAddresses.hostPort(address).ifPresent(
          e -> p.at("lightstep").at("address").error(prefix + "invalid lightstep address: " + e));
      if (ls.accessToken().orElse("").isEmpty()) {
        p.at("lightstep").at("accessToken").error(prefix + "access token is required");
      }
    });
    t.zipkin().ifPresent(z -> ProxyAddresses.hostPort(z.address().orElse("").replaceFirst("\\$\\(HOST_IP\\)", "127.0.0.1"))
        .ifPresent(e -> p.at("zipkin").at("address").error("invalid zipkin config: " + e)));
    t.datadog().ifPresent(d -> ProxyAddresses.hostPort(d.address().orElse("").replaceFirst("\\$\\(HOST_IP\\)", "127.0.0.1"))
        .ifPresent(e -> p.at("datadog").at("address").error("invalid datadog config: " + e)));
    t.tlsSettings().ifPresent(tls -> {
      // Istio runs the DestinationRule client TLS check and reports each error under one prefix.
      Problems tlsProblems = Problems.root();
      ClientTLSSettingsValidator.validate(tls, tlsProblems);
      tlsProblems.all().stream().filter(Diagnostic::isError)
          .forEach(d -> p.at("tlsSettings").error("invalid tracing TLS config: " + d.message()));
    });
  }

  private static void privateKeyProvider(PrivateKeyProvider k, Problems p) {
    String prefix = "invalid private key provider configuration: ";
    if (k.cryptomb().isPresent()) {
      pollDelay(k.cryptomb().get().pollDelay(), p.at("cryptomb").at("pollDelay"), prefix);
    } else if (k.qat().isPresent()) {
      pollDelay(k.qat().get().pollDelay(), p.at("qat").at("pollDelay"), prefix);
    } else {
      p.error(prefix + "private key provider configuration is required");
      p.error(prefix + "unknown private key provider");
    }
  }

  private static void pollDelay(Optional<Duration> delay, Problems p, String prefix) {
    if (delay.isEmpty()) {
      p.error(prefix + "pollDelay is required");
    } else if (delay.get().isZero()) {
      p.error(prefix + "pollDelay must be non zero");
    }
  }
}
