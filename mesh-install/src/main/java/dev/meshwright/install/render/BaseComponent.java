package dev.meshwright.install.render;

import static dev.meshwright.install.render.Tree.arr;
import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Base component: Istio's CRDs (unless {@code base.enableIstioConfigCRDs} is false), the
 * {@code istio-reader-service-account}, and the {@code istiod-default-validator} webhook when a non-empty
 * {@code defaultRevision} is set. Stateless.
 */
final class BaseComponent {
  private BaseComponent() {}

  static List<ObjectNode> render(JsonNode values, String ns) {
    List<ObjectNode> out = new ArrayList<>();
    if (!values.path("base").path("enableIstioConfigCRDs").isBoolean()
        || values.path("base").path("enableIstioConfigCRDs").booleanValue()) {
      out.addAll(Crds.render());
    }
    out.add(Tree.object("v1", "ServiceAccount", "istio-reader-service-account", ns,
        obj("app", "istio-reader", "release", Charts.RELEASE)));
    String defaultRevision = Tree.text(values, "defaultRevision", "");
    if (!defaultRevision.isEmpty() && Tree.truthy(values, "global.configValidation")) {
      out.add(defaultValidator(values, defaultRevision, ns));
    }
    return out;
  }

  private static ObjectNode defaultValidator(JsonNode values, String defaultRevision, String ns) {
    ObjectNode vwc = Tree.object("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration",
        "istiod-default-validator", null, obj("app", "istiod", "istio", "istiod",
            "istio.io/rev", defaultRevision, "istio.io/tag", "default", "release", Charts.RELEASE));
    String service = defaultRevision.equals("default") ? "istiod" : "istiod-" + defaultRevision;
    vwc.set("webhooks", arr(obj("admissionReviewVersions", arr("v1beta1", "v1"),
        "clientConfig", obj("service", obj("name", service, "namespace", ns, "path", "/validate")),
        "failurePolicy", "Ignore", "name", "validation.istio.io",
        "rules", arr(obj("apiGroups", arr("security.istio.io", "networking.istio.io", "telemetry.istio.io",
            "extensions.istio.io"), "apiVersions", arr("*"), "operations", arr("CREATE", "UPDATE"),
            "resources", arr("*"))),
        "sideEffects", "None")));
    return vwc;
  }
}
