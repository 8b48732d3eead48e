package dev.meshwright.install.render;

import static dev.meshwright.install.render.Tree.arr;
import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The stable-channel {@code ValidatingAdmissionPolicy} and its binding ({@code experimental.stableValidationPolicy},
 * set by the {@code stable} profile): for this revision's config it denies the kinds and fields Istio does not
 * offer on its stable channel (EnvoyFilter, WasmPlugin, ProxyConfig, and Telemetry's
 * {@code useRequestIdForTraceSampling}, {@code reportingInterval} and access-log {@code filter}). Stateless.
 */
final class StablePolicy {
  private StablePolicy() {}

  static List<ObjectNode> render(JsonNode values) {
    if (!Tree.truthy(values, "experimental.stableValidationPolicy")) {
      return List.of();
    }
    String suffix = Charts.revision(values).isEmpty() ? "" : "-" + Charts.revision(values);
    String ns = Tree.text(values, "global.istioNamespace", "istio-system");
    String policyName = "stable-channel-policy" + suffix + "-" + ns + ".istio.io";
    ObjectNode policy = Tree.object("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy", policyName, null,
        null);
    String telemetryAlpha = "object.kind == 'Telemetry' && ("
        + "(has(object.spec.tracing) && object.spec.tracing.exists(t, has(t.useRequestIdForTraceSampling)))"
        + " || (has(object.spec.metrics) && object.spec.metrics.exists(m, has(m.reportingInterval)))"
        + " || (has(object.spec.accessLogging) && object.spec.accessLogging.exists(l, has(l.filter))))";
    policy.set("spec", obj("failurePolicy", "Fail",
        "matchConstraints", obj(
            "objectSelector", obj("matchExpressions", arr(obj("key", "istio.io/rev", "operator", "In",
                "values", arr(Charts.revisionLabel(values))))),
            "resourceRules", arr(obj("apiGroups", arr("security.istio.io", "networking.istio.io",
                "telemetry.istio.io", "extensions.istio.io"), "apiVersions", arr("*"),
                "operations", arr("CREATE", "UPDATE"), "resources", arr("*")))),
        "validations", arr(
            obj("expression", "!(object.kind in ['EnvoyFilter', 'WasmPlugin', 'ProxyConfig'])"),
            obj("expression", "!(" + telemetryAlpha + ")"))));
    ObjectNode binding = Tree.object("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding",
        "stable-channel-policy-binding" + suffix + "-" + ns + ".istio.io", null, null);
    binding.set("spec", obj("policyName", policyName, "validationActions", arr("Deny")));
    return List.of(policy, binding);
  }
}
