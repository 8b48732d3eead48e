package dev.meshwright.model.gateway;

import dev.meshwright.api.networking.ServerTLSSettings;
import dev.meshwright.api.networking.ServerTLSSettings.TLSmode;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerTLSConfig;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SecretObjectReference;
import java.util.Map;

/**
 * Converts a listener's {@code tls} block into Istio server TLS settings, checking the certificate
 * reference (kind, existence, validity, ReferenceGrant). Stateless.
 */
final class ListenerTls {
  private static final String TERMINATE_MODE_OPTION = "gateway.istio.io/tls-terminate-mode";
  private static final String LISTENER_MODE_OPTION = "gateway.istio.io/listener-protocol";
  private static final String NETWORK_LABEL = "topology.istio.io/network";
  private static final String GATEWAY_PORT_LABEL = "networking.istio.io/gatewayPort";

  private ListenerTls() {}

  /**
   * The result of converting one listener's TLS.
   *
   * @param settings the settings (null when the listener has no TLS)
   * @param error the problem found, or null
   */
  record Result(ServerTLSSettings settings, ConfigError error) {}

  static Result build(ConversionContext ctx, Listener l, String gwNamespace, Map<String, String> gwLabels) {
    ListenerTLSConfig tls = l.getTls();
    if (tls == null) {
      return new Result(null, null);
    }
    String mode = tls.getMode() == null ? "Terminate" : tls.getMode();
    Map<String, String> options = tls.getOptions() == null ? Map.of() : tls.getOptions();
    if (mode.equals("Passthrough")) {
      // PASSTHROUGH is the proto default: Istio writes it as an empty tls block.
      ServerTLSSettings.Builder b = ServerTLSSettings.builder();
      if (autoPassthrough(l, options, gwLabels)) {
        b.mode(TLSmode.AUTO_PASSTHROUGH);
      }
      return new Result(b.build(), null);
    }
    if (!mode.equals("Terminate")) {
      return new Result(ServerTLSSettings.builder().build(), null);
    }
    TLSmode m = TLSmode.SIMPLE;
    String terminate = options.get(TERMINATE_MODE_OPTION);
    if ("MUTUAL".equals(terminate)) {
      m = TLSmode.MUTUAL;
    } else if ("ISTIO_MUTUAL".equals(terminate)) {
      return new Result(ServerTLSSettings.builder().mode(TLSmode.ISTIO_MUTUAL).build(), null);
    }
    ServerTLSSettings.Builder out = ServerTLSSettings.builder().mode(m);
    if (tls.getCertificateRefs() == null || tls.getCertificateRefs().size() != 1) {
      return new Result(out.build(), new ConfigError(ConfigError.INVALID_CERTIFICATE_REF,
          "exactly 1 certificateRefs should be present for TLS termination"));
    }
    SecretObjectReference ref = tls.getCertificateRefs().get(0);
    String refString = orEmpty(ref.getGroup()) + "/" + orEmpty(ref.getKind()) + "/" + ref.getName() + "."
        + orEmpty(ref.getNamespace());
    if (!Fabric8Meta.nullOrEqual(ref.getGroup(), "") || !Fabric8Meta.nullOrEqual(ref.getKind(), "Secret")) {
      return new Result(out.build(), new ConfigError(ConfigError.INVALID_CERTIFICATE_REF,
          "invalid certificate reference " + refString + ", only secret is allowed"));
    }
    String secretNs = ref.getNamespace() == null ? gwNamespace : ref.getNamespace();
    SecretLookup.SecretCheck check = ctx.env().secrets().check(secretNs, ref.getName());
    switch (check.state()) {
      case NOT_FOUND -> {
        return new Result(out.build(), new ConfigError(ConfigError.INVALID_CERTIFICATE_REF,
            "invalid certificate reference " + refString + ", secret " + secretNs + "/" + ref.getName() + " not found"));
      }
      case MALFORMED -> {
        return new Result(out.build(), new ConfigError(ConfigError.INVALID_CERTIFICATE_REF,
            "invalid certificate reference " + refString + ", the certificate is malformed: " + check.problem()));
      }
      default -> { }
    }
    if (!secretNs.equals(gwNamespace) && !ctx.grants().secretAllowed(secretNs, ref.getName(), gwNamespace)) {
      return new Result(out.build(), new ConfigError(ConfigError.REF_NOT_PERMITTED, String.format(
          "certificateRef %s/%s not accessible to a Gateway in namespace \"%s\" (missing a ReferenceGrant?)",
          ref.getName(), secretNs, gwNamespace)));
    }
    out.credentialName("kubernetes-gateway://" + secretNs + "/" + ref.getName());
    return new Result(out.build(), null);
  }

  private static boolean autoPassthrough(Listener l, Map<String, String> options, Map<String, String> gwLabels) {
    if ("auto-passthrough".equals(options.get(LISTENER_MODE_OPTION))) {
      return true;
    }
    if (!gwLabels.containsKey(NETWORK_LABEL)) {
      return false;
    }
    String expected = gwLabels.getOrDefault(GATEWAY_PORT_LABEL, "15443");
    return String.valueOf(l.getPort()).equals(expected);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
