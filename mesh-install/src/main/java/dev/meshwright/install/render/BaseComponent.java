package dev.meshwright.install.render;

import static dev.meshwright.install.render.Tree.arr;
import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The templates of the base chart: Istio's CRDs only with {@code base.enableCRDTemplates} (istioctl adds the
 * chart's {@code crds/} itself, see {@link ManifestRenderer}), the {@code istio-reader-service-account}, the
 * remote-istiod Service (and Endpoints), and the {@code istiod-default-validator} webhook when a non-empty
 * {@code defaultRevision} is set. Stateless.
 */
final class BaseComponent {
  private BaseComponent() {}

  static List<ObjectNode> render(JsonNode values, String ns) {
    List<ObjectNode> out = new ArrayList<>();
    if (Tree.truthy(values, "base.enableCRDTemplates")) {
      out.addAll(Crds.render());
    }
    ObjectNode reader = Tree.object("v1", "ServiceAccount", "istio-reader-service-account",
        Tree.text(values, "global.istioNamespace", ns), obj("app", "istio-reader", "release", Charts.RELEASE));
    Charts.pullSecrets(reader, values.path("global").path("imagePullSecrets"));
    out.add(reader);
    String remote = Tree.text(values, "global.remotePilotAddress", "");
    if (!remote.isEmpty()) {
      out.addAll(remotePilot(values, remote, ns));
    }
    String defaultRevision = Tree.text(values, "defaultRevision", "");
    if (!defaultRevision.isEmpty()) {
      out.add(defaultValidator(values, defaultRevision));
    }
    return out;
  }

  /** The Service (and, for an IP address, Endpoints) through which this cluster reaches a remote istiod. */
  private static List<ObjectNode> remotePilot(JsonNode values, String address, String ns) {
    String name = Charts.revisioned("istiod", values) + (Tree.truthy(values, "pilot.enabled") ? "-remote" : "");
    boolean ip = address.matches("^([0-9]*\\.){3}[0-9]*$");
    List<ObjectNode> out = new ArrayList<>();
    if (ip) {
      ObjectNode ep = Tree.object("v1", "Endpoints", name, ns, null);
      ep.set("subsets", arr(obj("addresses", arr(obj("ip", address)), "ports", arr(
          obj("name", "tcp-istiod", "port", 15012, "protocol", "TCP"),
          obj("name", "tcp-webhook", "port", 15017, "protocol", "TCP")))));
      out.add(ep);
    }
    ObjectNode svc = Tree.object("v1", "Service", name, ns, null);
    ObjectNode spec = obj("ports", arr(obj("name", "tcp-istiod", "port", 15012, "protocol", "TCP"),
        obj("name", "tcp-webhook", "port", 443, "protocol", "TCP", "targetPort", 15017)));
    if (!ip) {
      spec.put("externalName", address);
      spec.put("type", "ExternalName");
    }
    svc.set("spec", spec);
    out.add(svc);
    return out;
  }

  private static ObjectNode defaultValidator(JsonNode values, String defaultRevision) {
    ObjectNode vwc = Tree.object("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration",
        "istiod-default-validator", null, obj("app", "istiod", "istio", "istiod",
            "istio.io/rev", defaultRevision, "release", Charts.RELEASE));
    String service = defaultRevision.equals("default") ? "istiod" : "istiod-" + defaultRevision;
    String url = Tree.text(values, "base.validationURL", "");
    ObjectNode client = url.isEmpty() ? obj("service", obj("name", service,
        "namespace", Tree.text(values, "global.istioNamespace", "istio-system"), "path", "/validate"))
        : obj("url", url);
    String caBundle = Tree.text(values, "base.validationCABundle", "");
    if (!caBundle.isEmpty()) {
      client.put("caBundle", caBundle);
    }
    vwc.set("webhooks", arr(obj("admissionReviewVersions", arr("v1beta1", "v1"),
        "clientConfig", client,
        "failurePolicy", caBundle.isEmpty() ? "Ignore" : "Fail", "name", "validation.istio.io",
        "rules", arr(obj("apiGroups", arr("security.istio.io", "networking.istio.io", "telemetry.istio.io",
            "extensions.istio.io"), "apiVersions", arr("*"), "operations", arr("CREATE", "UPDATE"),
            "resources", arr("*"))),
        "sideEffects", "None")));
    return vwc;
  }
}
