package dev.meshwright.api.mesh;

import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.networking.LocalityLbChecks;
import dev.meshwright.api.networking.OutlierDetection;
import dev.meshwright.api.validation.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Istio 1.22.8's MeshConfig rules (ValidateMeshConfig): ports, timeouts, the default ProxyConfig, locality
 * load balancing, service settings hosts, trust domains and TLS settings are errors; extension provider
 * problems are warnings (Istio only logs them). Absent fields count as their proto zero value, so validate
 * an effective config ({@link MeshConfigs#merge} over {@link MeshConfigs#defaults()}).
 */
final class MeshConfigValidator implements Validator<MeshConfig> {
  static final MeshConfigValidator INSTANCE = new MeshConfigValidator();

  private static final Set<String> ECDH_CURVES = Set.of("P-224", "P-256", "P-521", "P-384", "X25519", "CECPQ2");
  private static final Duration CONNECT_TIMEOUT_MAX = Duration.ofHours(1);

  private MeshConfigValidator() {}

  @Override
  public void validate(MeshConfig mesh, Problems p) {
    Checks.port(mesh.proxyListenPort().orElse(0))
        .ifPresent(e -> p.at("proxyListenPort").error("invalid proxy listen port: " + e));
    connectTimeout(mesh.connectTimeout().orElse(Duration.ZERO), p.at("connectTimeout"));
    Duration detection = mesh.protocolDetectionTimeout().orElse(Duration.ZERO);
    if (detection.getNano() % 1_000_000 != 0) {
      p.at("protocolDetectionTimeout").error("invalid protocol detection timeout: only durations to ms precision are supported");
    }
    if (mesh.defaultConfig().isEmpty()) {
      p.at("defaultConfig").error("missing default config");
    } else {
      ProxyConfigValidator.validate(mesh.defaultConfig().get(), p.at("defaultConfig"));
    }
    // Istio checks the mesh-wide setting against an empty outlier detection policy, so failover never warns.
    mesh.localityLbSetting().ifPresent(lb ->
        LocalityLbChecks.validate(lb, Optional.of(OutlierDetection.builder().build()), p.at("localityLbSetting")));
    for (int i = 0; i < mesh.serviceSettings().size(); i++) {
      List<String> hosts = mesh.serviceSettings().get(i).hosts();
      for (int h = 0; h < hosts.size(); h++) {
        String host = hosts.get(h);
        int index = i;
        int hostIndex = h;
        Checks.wildcardDomain(host).ifPresent(e -> p.at("serviceSettings", index).at("hosts").index(hostIndex)
            .error("serviceSettings[" + index + "], host `" + host + "`: " + e));
      }
    }
    trustDomain(mesh.trustDomain().orElse("")).ifPresent(e -> p.at("trustDomain").error("trustDomain: " + e));
    for (int i = 0; i < mesh.trustDomainAliases().size(); i++) {
      String alias = mesh.trustDomainAliases().get(i);
      int index = i;
      trustDomain(alias).ifPresent(e -> p.at("trustDomainAliases", index)
          .error("trustDomainAliases[" + index + "], domain `" + alias + "` : " + e));
    }
    ExtensionProviderValidator.validate(mesh.extensionProviders(), p.at("extensionProviders"));
    mesh.meshMTLS().filter(t -> !t.ecdhCurves().isEmpty()).ifPresent(
        t -> p.at("meshMTLS").at("ecdhCurves").error("mesh TLS does not support ECDH curves configuration"));
    mesh.tlsDefaults().ifPresent(t -> ecdhCurves(t.ecdhCurves(), p.at("tlsDefaults").at("ecdhCurves")));
  }

  private static void connectTimeout(Duration d, Problems p) {
    Optional<String> bad = Checks.duration(d);
    if (bad.isPresent()) {
      p.error("invalid connect timeout: " + bad.get());
    } else if (d.compareTo(CONNECT_TIMEOUT_MAX) > 0) {
      p.error("invalid connect timeout: time " + GoDurations.format(d) + " must be >1ms and <1h0m0s");
    }
  }

  /** Istio's trust domain rule: every dot-separated label is a DNS-1123 label; a trailing dot is allowed. */
  static Optional<String> trustDomain(String domain) {
    if (domain.isEmpty()) {
      return Optional.of("empty domain name not allowed");
    }
    String[] parts = domain.split("\\.", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i == parts.length - 1 && parts[i].isEmpty()) {
        return Optional.empty();
      }
      if (!Checks.isDns1123Label(parts[i])) {
        return Optional.of("trust domain name " + Checks.quote(domain) + " invalid");
      }
    }
    return Optional.empty();
  }

  private static void ecdhCurves(List<String> curves, Problems p) {
    Set<String> unknown = new TreeSet<>();
    Set<String> valid = new TreeSet<>();
    Set<String> duplicate = new TreeSet<>();
    for (String c : curves) {
      if (!c.isEmpty() && !ECDH_CURVES.contains(c)) {
        unknown.add(c);
      } else if (!valid.add(c)) {
        duplicate.add(c);
      }
    }
    if (!unknown.isEmpty()) {
      p.warning("detected unrecognized ECDH curves: [" + String.join(" ", unknown) + "]");
    }
    if (!duplicate.isEmpty()) {
      p.warning("detected duplicate ECDH curves: [" + String.join(" ", duplicate) + "]");
    }
  }
}
