package dev.meshwright.install.render;

import static dev.meshwright.install.render.Tree.arr;
import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * istiod's admission webhooks: the sidecar-injector {@code MutatingWebhookConfiguration} with Istio's
 * selectors for {@code istio-injection}, {@code istio.io/rev} and {@code sidecar.istio.io/inject}, and the
 * per-revision config {@code ValidatingWebhookConfiguration}. Stateless.
 */
final class PilotWebhooks {
  private static final String ADMISSION = "admissionregistration.k8s.io/v1";
  private static final String INJECT = "sidecar.istio.io/inject";
  private static final String REV = "istio.io/rev";
  private static final String LEGACY = "istio-injection";

  private PilotWebhooks() {}

  static List<ObjectNode> render(JsonNode values, String ns) {
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode tag : values.path("revisionTags")) {
      out.add(tag(values, ns, tag.asText()));
    }
    if (!Tree.truthy(values, "global.operatorManageWebhooks")) {
      out.add(injector(values, ns));
    }
    if (Tree.truthy(values, "global.configValidation")) {
      out.add(validator(values));
    }
    return out;
  }

  /** The injector webhook configuration. */
  static ObjectNode injector(JsonNode values, String ns) {
    String name = Charts.revisioned("istio-sidecar-injector", values)
        + (ns.equals("istio-system") ? "" : "-" + ns);
    ObjectNode mwc = Tree.object(ADMISSION, "MutatingWebhookConfiguration", name, null, labels(values));
    mwc.set("webhooks", hooks(values, ns, Charts.revisionLabel(values), Charts.revision(values).isEmpty()));
    return mwc;
  }

  /**
   * The webhook configuration of revision tag {@code tag} ({@code revisionTags}): this revision's istiod
   * injects pods whose namespace or object carries {@code istio.io/rev: tag}, and, for the tag
   * {@code default}, the pods the default revision would.
   */
  private static ObjectNode tag(JsonNode values, String ns, String tag) {
    String name = "istio-revision-tag-" + tag + (ns.equals("istio-system") ? "" : "-" + ns);
    ObjectNode labels = obj("istio.io/tag", tag);
    Tree.with(labels, labels(values));
    ObjectNode mwc = Tree.object(ADMISSION, "MutatingWebhookConfiguration", name, null, labels);
    ArrayNode hooks = hooks(values, ns, tag, tag.equals("default"));
    hooks.forEach(h -> {
      ((ObjectNode) h).remove("reinvocationPolicy");
      ((ObjectNode) h.get("clientConfig")).remove("caBundle");
    });
    mwc.set("webhooks", hooks);
    return mwc;
  }

  private static ObjectNode labels(JsonNode values) {
    ObjectNode labels = obj("app", "sidecar-injector");
    Tree.with(labels, Charts.operatorLabels(values, Component.PILOT));
    labels.put(REV, Charts.revisionLabel(values));
    labels.put("release", Charts.RELEASE);
    return labels;
  }

  /** The revision webhooks selecting {@code rev}, plus the default revision's when {@code asDefault}. */
  private static ArrayNode hooks(JsonNode values, String ns, String rev, boolean asDefault) {
    ArrayNode hooks = Tree.arr();
    hooks.add(hook(values, ns, "rev.namespace.",
        selector(expr(REV, "In", rev), expr(LEGACY, "DoesNotExist", null)),
        selector(expr(INJECT, "NotIn", "false"))));
    hooks.add(hook(values, ns, "rev.object.",
        selector(expr(REV, "DoesNotExist", null), expr(LEGACY, "DoesNotExist", null)),
        selector(expr(INJECT, "NotIn", "false"), expr(REV, "In", rev))));
    if (asDefault) {
      hooks.add(hook(values, ns, "namespace.", selector(expr(LEGACY, "In", "enabled")),
          selector(expr(INJECT, "NotIn", "false"))));
      hooks.add(hook(values, ns, "object.",
          selector(expr(LEGACY, "DoesNotExist", null), expr(REV, "DoesNotExist", null)),
          selector(expr(INJECT, "In", "true"), expr(REV, "DoesNotExist", null))));
      if (Tree.truthy(values, "sidecarInjectorWebhook.enableNamespacesByDefault")) {
        ObjectNode nsSel = selector(expr(LEGACY, "DoesNotExist", null), expr(REV, "DoesNotExist", null));
        ((ArrayNode) nsSel.get("matchExpressions")).add(obj("key", "kubernetes.io/metadata.name",
            "operator", "NotIn", "values", arr("kube-system", "kube-public", "kube-node-lease", "local-path-storage")));
        hooks.add(hook(values, ns, "auto.", nsSel,
            selector(expr(INJECT, "DoesNotExist", null), expr(REV, "DoesNotExist", null))));
      }
    }
    return hooks;
  }

  private static ObjectNode hook(JsonNode values, String ns, String prefix, ObjectNode nsSelector,
      ObjectNode objectSelector) {
    ObjectNode client;
    String url = Tree.text(values, "istiodRemote.injectionURL", "");
    if (!url.isEmpty()) {
      client = obj("url", url);
    } else {
      client = obj("service", obj("name", Charts.revisioned("istiod", values), "namespace", ns,
          "path", Tree.text(values, "istiodRemote.injectionPath", "/inject"), "port", 443));
    }
    String caBundle = Tree.text(values, "istiodRemote.injectionCABundle", "");
    if (!caBundle.isEmpty()) {
      client.put("caBundle", caBundle);
    }
    return obj("admissionReviewVersions", arr("v1beta1", "v1"), "clientConfig", client,
        "failurePolicy", "Fail", "name", prefix + "sidecar-injector.istio.io",
        "namespaceSelector", nsSelector, "objectSelector", objectSelector,
        "reinvocationPolicy", Tree.text(values, "sidecarInjectorWebhook.reinvocationPolicy", "Never"),
        "rules", arr(obj("apiGroups", arr(""), "apiVersions", arr("v1"), "operations", arr("CREATE"),
            "resources", arr("pods"))),
        "sideEffects", "None");
  }

  private static ObjectNode validator(JsonNode values) {
    String istioNs = Tree.text(values, "global.istioNamespace", "istio-system");
    String name = Charts.revisioned("istio-validator", values) + "-" + istioNs;
    ObjectNode labels = obj("app", "istiod", "istio", "istiod", REV, Charts.revisionLabel(values),
        "release", Charts.RELEASE);
    ObjectNode vwc = Tree.object(ADMISSION, "ValidatingWebhookConfiguration", name, null, labels);
    String url = Tree.text(values, "base.validationURL", "");
    ObjectNode client = url.isEmpty()
        ? obj("service", obj("name", Charts.revisioned("istiod", values), "namespace", istioNs, "path", "/validate"))
        : obj("url", url);
    String caBundle = Tree.text(values, "base.validationCABundle", "");
    if (!caBundle.isEmpty()) {
      client.put("caBundle", caBundle);
    }
    vwc.set("webhooks", arr(obj("admissionReviewVersions", arr("v1beta1", "v1"), "clientConfig", client,
        "failurePolicy", caBundle.isEmpty() ? "Ignore" : "Fail", "name", "rev.validation.istio.io",
        "objectSelector", selector(expr(REV, "In", Charts.revisionLabel(values))),
        "rules", arr(obj("apiGroups", arr("security.istio.io", "networking.istio.io", "telemetry.istio.io",
            "extensions.istio.io"), "apiVersions", arr("*"), "operations", arr("CREATE", "UPDATE"),
            "resources", arr("*"))),
        "sideEffects", "None")));
    return vwc;
  }

  private static ObjectNode selector(ObjectNode... expressions) {
    return obj("matchExpressions", arr((Object[]) expressions));
  }

  private static ObjectNode expr(String key, String operator, String value) {
    ObjectNode e = obj("key", key, "operator", operator);
    if (value != null) {
      e.set("values", arr(value));
    }
    return e;
  }
}
