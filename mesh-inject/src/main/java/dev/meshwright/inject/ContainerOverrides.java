package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.json.MeshJackson;
import java.io.IOException;
import java.util.Optional;

/**
 * User customisation of injected containers: a pod that declares its own {@code istio-proxy} (or
 * {@code istio-init}) keeps its fields over the template's ({@code image: auto} keeps the injected image), the
 * customisations are recorded in {@code proxy.istio.io/overrides} for re-injection, and the iptables user and the
 * validation container follow a custom proxy {@code runAsUser}/{@code runAsGroup}. Edits trees in place. Stateless.
 */
final class ContainerOverrides {
  static final String ANNOTATION = "proxy.istio.io/overrides";

  private ContainerOverrides() {}

  /**
   * Re-applies the original pod's versions of injected containers over {@code merged} and returns the result.
   *
   * @param injectedStatus the container names of a previous injection (those are not user overrides)
   */
  static ObjectNode reapply(ObjectNode merged, ObjectNode original, ObjectNode template, JsonNode injectedStatus,
      boolean alreadyInjected, String interceptionMode) throws InjectionException {
    JsonNode existing = Json.obj();
    String stored = Json.text(original.path("metadata").path("annotations"), ANNOTATION);
    if (!stored.isEmpty()) {
      try {
        existing = MeshJackson.json().readTree(stored);
      } catch (IOException e) {
        throw new InjectionException("invalid " + ANNOTATION + " annotation: " + e.getMessage());
      }
    }
    ObjectNode overrides = Json.obj();
    ObjectNode result = merged;
    for (String list : new String[] {"containers", "initContainers"}) {
      for (JsonNode c : template.path("spec").path(list)) {
        String name = Json.text(c, "name");
        if (Json.named(injectedStatus.path(list), name).isPresent() || contains(injectedStatus.path(list), name)) {
          continue;
        }
        Optional<ObjectNode> match = Json.named(existing.path(list), name);
        if (match.isEmpty()) {
          match = Json.named(original.path("spec").path("containers"), name);
          if (match.isEmpty() && list.equals("initContainers")) {
            match = Json.named(original.path("spec").path("initContainers"), name);
          }
        }
        if (match.isEmpty()) {
          continue;
        }
        ObjectNode overlay = match.get().deepCopy();
        if (Json.text(overlay, "image").equals("auto")) {
          overlay.remove("image");
        }
        Quantities.canonicalizeResources(overlay.get("resources"));
        if (!overlay.has("resources")) {
          overlay.putObject("resources");
        }
        Json.array(overrides, list).add(overlay);
        ObjectNode patch = Json.obj();
        patch.putObject("spec").putArray(list).add(overlay);
        result = StrategicMerge.merge(result, patch);
      }
    }
    if (!alreadyInjected && !overrides.isEmpty()) {
      Json.child(Json.child(result, "metadata"), "annotations").put(ANNOTATION, overrides.toString());
    }
    adjustInitUser(result, original, interceptionMode);
    return result;
  }

  private static boolean contains(JsonNode names, String name) {
    for (JsonNode n : names) {
      if (n.isTextual() && n.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static void adjustInitUser(ObjectNode pod, ObjectNode original, String interceptionMode) {
    Optional<ObjectNode> user = Json.named(original.path("spec").path("containers"), TemplateInput.PROXY)
        .or(() -> Json.named(original.path("spec").path("initContainers"), TemplateInput.PROXY));
    if (user.isEmpty()) {
      return;
    }
    JsonNode sc = user.get().path("securityContext");
    JsonNode uid = sc.get("runAsUser");
    JsonNode gid = sc.get("runAsGroup");
    if (uid == null && gid == null) {
      return;
    }
    JsonNode inits = pod.path("spec").path("initContainers");
    Optional<ObjectNode> init = Json.named(inits, IptablesContainers.INIT)
        .or(() -> Json.named(inits, IptablesContainers.VALIDATION));
    if (init.isEmpty()) {
      return;
    }
    String annotated = Json.text(pod.path("metadata").path("annotations"), "sidecar.istio.io/interceptionMode");
    boolean tproxy = interceptionMode.equals("TPROXY") || annotated.equals("TPROXY");
    if (tproxy && uid != null) {
      Json.named(pod.path("spec").path("containers"), TemplateInput.PROXY)
          .or(() -> Json.named(pod.path("spec").path("initContainers"), TemplateInput.PROXY))
          .ifPresent(p -> Json.child(p, "securityContext").put("runAsUser", 0));
    }
    if (!tproxy && Json.text(init.get(), "name").equals(IptablesContainers.VALIDATION)) {
      ObjectNode isc = Json.child(init.get(), "securityContext");
      if (uid != null) {
        isc.set("runAsUser", uid);
      }
      if (gid != null) {
        isc.set("runAsGroup", gid);
      }
    }
    if (uid == null || uid.asLong() == 0) {
      return;
    }
    JsonNode args = init.get().path("args");
    if (args instanceof ArrayNode a) {
      for (int i = 0; i < a.size() - 1; i++) {
        if (a.get(i).asText().equals("-u")) {
          a.set(i + 1, Json.F.textNode(uid.asText()));
          return;
        }
      }
    }
  }
}
