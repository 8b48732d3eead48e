package dev.meshwright.install.render;

import static dev.meshwright.install.render.Tree.arr;
import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The stable-channel {@code ValidatingAdmissionPolicy} and its binding ({@code experimental.stableValidationPolicy},
 * set by the {@code stable} profile): it denies the kinds and fields Istio does not offer on its stable channel
 * (EnvoyFilter, WasmPlugin, ProxyConfig, and Telemetry's {@code useRequestIdForTraceSampling},
 * {@code reportingInterval} and access-log {@code filter}). istiod's applies to its revision's config; the base
 * chart's to the default revision's. Stateless.
 */
final class StablePolicy {
  private static final String ADMISSION = "admissionregistration.k8s.io/v1";
  private static final String TELEMETRY_ALPHA = """
      !(
        variables.isTelemetry && (
          (has(object.spec.tracing) ? object.spec.tracing : {}).exists(t, has(t.useRequestIdForTraceSampling)) ||
          (has(object.spec.metrics) ? object.spec.metrics : {}).exists(m, has(m.reportingInterval)) ||
          (has(object.spec.accessLogging) ? object.spec.accessLogging : {}).exists(l, has(l.filter))
        )
      )
      """;

  private StablePolicy() {}

  /** istiod's policy for its revision ({@code istio.io/rev} of the config objects), and the binding. */
  static List<ObjectNode> render(JsonNode values) {
    if (!Tree.truthy(values, "experimental.stableValidationPolicy")) {
      return List.of();
    }
    String suffix = Charts.revision(values).isEmpty() ? "" : "-" + Charts.revision(values);
    String ns = Tree.text(values, "global.istioNamespace", "istio-system");
    String policyName = "stable-channel-policy" + suffix + "-" + ns + ".istio.io";
    ObjectNode spec = spec();
    ((ObjectNode) spec.get("matchConstraints")).set("objectSelector", obj("matchExpressions", arr(obj(
        "key", "istio.io/rev", "operator", "In", "values", arr(Charts.revisionLabel(values))))));
    ObjectNode policy = Tree.object(ADMISSION, "ValidatingAdmissionPolicy", policyName, null, null);
    policy.set("spec", spec);
    return List.of(policy, binding("stable-channel-policy-binding" + suffix + "-" + ns + ".istio.io", policyName));
  }

  /** The base chart's policy for the default revision {@code defaultRevision} (config objects of any revision). */
  static List<ObjectNode> base(JsonNode values, String defaultRevision) {
    if (!Tree.truthy(values, "experimental.stableValidationPolicy") || defaultRevision.isEmpty()) {
      return List.of();
    }
    String policyName = "stable-channel-default-policy.istio.io";
    ObjectNode policy = Tree.object(ADMISSION, "ValidatingAdmissionPolicy", policyName, null,
        obj("release", Charts.RELEASE, "istio", "istiod", "istio.io/rev", defaultRevision));
    policy.set("spec", spec());
    return List.of(policy, binding("stable-channel-default-policy-binding.istio.io", policyName));
  }

  private static ObjectNode spec() {
    return obj("failurePolicy", "Fail",
        "matchConstraints", obj("resourceRules", arr(obj("apiGroups", arr("security.istio.io", "networking.istio.io",
            "telemetry.istio.io", "extensions.istio.io"), "apiVersions", arr("*"),
            "operations", arr("CREATE", "UPDATE"), "resources", arr("*")))),
        "variables", arr(variable("isEnvoyFilter", "EnvoyFilter"), variable("isWasmPlugin", "WasmPlugin"),
            variable("isProxyConfig", "ProxyConfig"), variable("isTelemetry", "Telemetry")),
        "validations", arr(obj("expression", "!variables.isEnvoyFilter"), obj("expression", "!variables.isWasmPlugin"),
            obj("expression", "!variables.isProxyConfig"), obj("expression", TELEMETRY_ALPHA)));
  }

  private static ObjectNode variable(String name, String kind) {
    return obj("name", name, "expression", "object.kind == '" + kind + "'");
  }

  private static ObjectNode binding(String name, String policyName) {
    ObjectNode binding = Tree.object(ADMISSION, "ValidatingAdmissionPolicyBinding", name, null, null);
    binding.set("spec", obj("policyName", policyName, "validationActions", arr("Deny")));
    return binding;
  }
}
