package dev.meshwright.install.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Names, labels and images shared by the component renderers, following Istio's chart conventions. Stateless. */
final class Charts {
  static final String RELEASE = "istio";

  private Charts() {}

  /** {@code values.revision}, empty for the default revision. */
  static String revision(JsonNode values) {
    return Tree.text(values, "revision", "");
  }

  /** The revision or {@code default}. */
  static String revisionLabel(JsonNode values) {
    String r = revision(values);
    return r.isEmpty() ? "default" : r;
  }

  /** {@code base} plus {@code -revision} when a revision is set. */
  static String revisioned(String base, JsonNode values) {
    String r = revision(values);
    return r.isEmpty() ? base : base + "-" + r;
  }

  /** The operator's ownership labels for {@code component}. */
  static ObjectNode operatorLabels(JsonNode values, Component component) {
    return Tree.obj("install.operator.istio.io/owning-resource", Tree.text(values, "ownerName", "unknown"),
        "operator.istio.io/component", component.displayName());
  }

  /**
   * An image reference: {@code image} as is when it holds a {@code /}, else {@code hub/image:tag[-variant]}
   * with the component's hub, tag and variant falling back to the global ones.
   */
  static String image(JsonNode values, String root, String defaultImage) {
    String image = root.isEmpty() ? defaultImage : Tree.text(values, root + ".image", defaultImage);
    if (image.contains("/")) {
      return image;
    }
    String hub = root.isEmpty() ? "" : Tree.text(values, root + ".hub", "");
    String tag = root.isEmpty() ? "" : Tree.text(values, root + ".tag", "");
    String variant = root.isEmpty() ? "" : Tree.text(values, root + ".variant", "");
    hub = hub.isEmpty() ? Tree.text(values, "global.hub", "") : hub;
    tag = tag.isEmpty() ? Tree.text(values, "global.tag", "") : tag;
    variant = variant.isEmpty() ? Tree.text(values, "global.variant", "") : variant;
    return hub + "/" + image + ":" + tag + (variant.isEmpty() ? "" : "-" + variant);
  }

  /** The proxy image used by gateways. */
  static String proxyImage(JsonNode values) {
    String image = Tree.text(values, "global.proxy.image", "proxyv2");
    if (image.contains("/")) {
      return image;
    }
    String variant = Tree.text(values, "global.proxy.variant", Tree.text(values, "global.variant", ""));
    return Tree.text(values, "global.hub", "") + "/" + image + ":" + Tree.text(values, "global.tag", "")
        + (variant.isEmpty() ? "" : "-" + variant);
  }

  /** Sets {@code imagePullSecrets} ({@code [{name}]}) on {@code object} when {@code secrets} lists any. */
  static void pullSecrets(ObjectNode object, JsonNode secrets) {
    if (secrets.isArray() && secrets.size() > 0) {
      com.fasterxml.jackson.databind.node.ArrayNode list = object.putArray("imagePullSecrets");
      secrets.forEach(s -> list.add(Tree.obj("name", s.asText())));
    }
  }

  /** An env entry with a literal value. */
  static ObjectNode env(String name, String value) {
    return Tree.obj("name", name, "value", value);
  }

  /** An env entry read from a pod field. */
  static ObjectNode fieldEnv(String name, String fieldPath, boolean withApiVersion) {
    ObjectNode ref = withApiVersion ? Tree.obj("apiVersion", "v1", "fieldPath", fieldPath)
        : Tree.obj("fieldPath", fieldPath);
    return Tree.obj("name", name, "valueFrom", Tree.obj("fieldRef", ref));
  }

  /** An env entry read from a container resource. */
  static ObjectNode resourceEnv(String name, String resource) {
    return Tree.obj("name", name, "valueFrom", Tree.obj("resourceFieldRef", Tree.obj("resource", resource)));
  }

  /** A policy rule. */
  static ObjectNode rule(JsonNode groups, JsonNode resources, JsonNode verbs) {
    return Tree.obj("apiGroups", groups, "resources", resources, "verbs", verbs);
  }

  /** A projected service-account token volume for the Istio CA. */
  static ObjectNode tokenVolume() {
    return Tree.obj("name", "istio-token", "projected", Tree.obj("sources", Tree.arr(Tree.obj(
        "serviceAccountToken", Tree.obj("audience", "istio-ca", "expirationSeconds", 43200, "path", "istio-token")))));
  }
}
