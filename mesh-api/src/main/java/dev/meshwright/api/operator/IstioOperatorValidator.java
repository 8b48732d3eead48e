package dev.meshwright.api.operator;

import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.validation.Checks;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Istio 1.22.8's structural IstioOperator rules (operator/pkg/validate and the feature checks): image
 * reference form of {@code hub}, tag form, revision as a DNS-1123 label, gateway names, the mesh config
 * (applied over the defaults, then validated), gateway ports that would need root, and replica counts
 * that autoscaling overrides (warnings), and deprecated settings. Helm values are not checked against Istio's
 * values schema.
 */
final class IstioOperatorValidator implements Validator<IstioOperator> {
  // Istio's Docker reference grammar, rewritten so that no two quantifiers compete for the same characters
  // (possessive where the next token can never match them): Go's RE2 is linear, Java's backtracking is not.
  private static final String ALNUM = "[a-z0-9]++";
  private static final String NAME_COMPONENT = ALNUM + "(?:(?:[._]|__|-++)" + ALNUM + ")*+";
  private static final String DOMAIN_COMPONENT = "[a-zA-Z0-9]++(?:-++[a-zA-Z0-9]++)*+";
  private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*+(?::[0-9]++)?";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*+(?:[-_+.][A-Za-z][A-Za-z0-9]*+)*+:[0-9a-fA-F]{32,}+";
  private static final String NAME = "(?:" + DOMAIN + "/)?" + NAME_COMPONENT + "(?:/" + NAME_COMPONENT + ")*+";
  /** A Docker image reference: name, optional tag, optional digest. */
  static final Pattern REFERENCE = Pattern.compile("(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
  static final Pattern TAG_PATTERN = Pattern.compile(TAG);
  private static final Pattern OBJECT_NAME = Pattern.compile("[a-z0-9.-]{1,254}");

  @Override
  public void validate(IstioOperator resource, Problems problems) {
    IstioOperatorSpec spec = resource.spec();
    Problems p = problems.at("spec");
    spec.hub().filter(h -> !h.isEmpty() && !REFERENCE.matcher(h).matches())
        .ifPresent(h -> p.at("hub").error("invalid value Hub: " + h));
    spec.tag().filter(t -> t instanceof String s && !s.isEmpty() && !TAG_PATTERN.matcher(s).matches())
        .ifPresent(t -> p.at("tag").error("invalid value Tag: " + t));
    spec.revision().filter(r -> !r.isEmpty() && !Checks.isDns1123Label(r))
        .ifPresent(r -> p.at("revision").error("invalid revision specified: " + r));
    spec.meshConfig().ifPresent(m -> MeshConfigs.validate(MeshConfigs.merge(MeshConfigs.defaults(), m), p.at("meshConfig")));
    spec.components().ifPresent(c -> {
      Problems cp = p.at("components");
      gatewayNames(c.ingressGateways(), "Components.IngressGateways", cp.at("ingressGateways"));
      gatewayNames(c.egressGateways(), "Components.EgressGateways", cp.at("egressGateways"));
      Map<String, Object> gatewayValues = map(spec.values().get("gateways"));
      if (!truthy(map(gatewayValues.get("istio-ingressgateway")).get("runAsRoot"))) {
        GatewayPorts.requireNonRootTargets(c.ingressGateways(), "istio-ingressgateway", cp.at("ingressGateways"));
      }
      if (!truthy(map(gatewayValues.get("istio-egressgateway")).get("runAsRoot"))) {
        GatewayPorts.requireNonRootTargets(c.egressGateways(), "istio-egressgateway", cp.at("egressGateways"));
      }
      GatewayPorts.autoscaleReplicaWarnings(spec, c, p);
    });
    DeprecatedSettings.check(spec, p);
    GatewayPorts.ingressPortsValues(map(map(spec.values().get("gateways")).get("istio-ingressgateway")),
        p.at("values").at("gateways").at("istio-ingressgateway").at("ingressPorts"));
  }

  private static void gatewayNames(List<GatewaySpec> gateways, String label, Problems p) {
    for (int i = 0; i < gateways.size(); i++) {
      String name = gateways.get(i).name().orElse("");
      if (!name.isEmpty() && !OBJECT_NAME.matcher(name).matches()) {
        p.index(i).at("name").error("invalid value " + label + ": " + name);
      }
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  static boolean truthy(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }
}
