package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.json.MeshJackson;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rewrites the app containers' HTTP, TCP and gRPC probes to go through the proxy's status port
 * ({@code /app-health/<container>/readyz|livez|startupz} on 15020), and records the original probes in the proxy's
 * {@code ISTIO_KUBE_APP_PROBERS} env (named ports resolved, probes already aimed at the status port left out;
 * merged with a previous value on re-injection). On by default ({@code sidecarInjectorWebhook.rewriteAppHTTPProbe});
 * a pod opts out with {@code sidecar.istio.io/rewriteAppHTTPProbers: "false"}. Edits the pod in place. Stateless.
 */
final class ProbeRewrite {
  static final String ENV = "ISTIO_KUBE_APP_PROBERS";
  static final String ANNOTATION = "sidecar.istio.io/rewriteAppHTTPProbers";
  private static final String[][] PROBES = {
      {"readinessProbe", "readyz"}, {"livenessProbe", "livez"}, {"startupProbe", "startupz"}};

  private ProbeRewrite() {}

  /** Whether probes are rewritten for a pod with these annotations. */
  static boolean enabled(Map<String, String> annotations, boolean valuesSetting) {
    String v = annotations.get(ANNOTATION);
    if (v != null) {
      Optional<Boolean> parsed = parseBool(v);
      if (parsed.isPresent()) {
        return parsed.get();
      }
    }
    return valuesSetting;
  }

  /**
   * Applies the rewrite to {@code pod}: appends or merges the prober env of {@code proxy} and rewrites probes.
   *
   * @param statusPort the mesh's default status port, overridden by {@code status.sidecar.istio.io/port}
   * @param previouslyInjected whether the pod carried a status annotation before
   */
  static void apply(ObjectNode pod, ObjectNode proxy, int statusPort, boolean previouslyInjected) {
    String probers = dump(pod, statusPort);
    if (!probers.isEmpty()) {
      ArrayNode env = Json.array(proxy, "env");
      Optional<ObjectNode> existing = Json.named(env, ENV);
      if (!previouslyInjected) {
        env.add(Json.env(ENV, probers));
      } else if (existing.isPresent()) {
        existing.get().put("value", mergeProbers(Json.text(existing.get(), "value"), probers));
        existing.get().remove("valueFrom");
      }
    }
    int port = statusPort;
    String annotated = Json.text(pod.path("metadata").path("annotations"), "status.sidecar.istio.io/port");
    if (!annotated.isEmpty()) {
      try {
        port = Integer.parseInt(annotated.trim());
      } catch (NumberFormatException e) {
        port = 0;
      }
    }
    for (String list : List.of("containers", "initContainers")) {
      for (JsonNode c : pod.path("spec").path(list)) {
        if (c instanceof ObjectNode container && !Json.text(c, "name").equals(TemplateInput.PROXY)) {
          rewrite(container, port);
        }
      }
    }
  }

  private static String mergeProbers(String existing, String fresh) {
    try {
      ObjectNode old = (ObjectNode) MeshJackson.json().readTree(existing);
      ObjectNode merged = (ObjectNode) MeshJackson.json().readTree(fresh);
      old.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      merged.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      ObjectNode out = Json.obj();
      sorted.forEach(out::set);
      return out.toString();
    } catch (IOException | ClassCastException e) {
      return existing;
    }
  }

  private static void rewrite(ObjectNode container, int port) {
    String name = Json.text(container, "name");
    for (String[] probe : PROBES) {
      if (!(container.get(probe[0]) instanceof ObjectNode p)) {
        continue;
      }
      String url = "/app-health/" + name + "/" + probe[1];
      if (p.get("httpGet") instanceof ObjectNode get) {
        get.put("port", port);
        get.put("path", url);
        if (Json.text(get, "scheme").equals("HTTPS")) {
          get.put("scheme", "HTTP");
        }
      } else if (p.has("tcpSocket") || p.has("grpc")) {
        p.remove("tcpSocket");
        p.remove("grpc");
        p.putObject("httpGet").put("path", url).put("port", port);
      }
    }
  }

  /** The prober JSON for every app container (init containers first), sorted by URL; empty when none. */
  static String dump(ObjectNode pod, int targetPort) {
    TreeMap<String, JsonNode> out = new TreeMap<>();
    for (String list : List.of("initContainers", "containers")) {
      for (JsonNode c : pod.path("spec").path(list)) {
        String name = Json.text(c, "name");
        if (name.equals(TemplateInput.PROXY)) {
          continue;
        }
        Map<String, Integer> ports = new HashMap<>();
        for (JsonNode p : c.path("ports")) {
          if (!Json.text(p, "name").isEmpty()) {
            ports.put(Json.text(p, "name"), p.path("containerPort").asInt());
          }
        }
        for (String[] probe : PROBES) {
          prober(c.get(probe[0]), ports, targetPort)
              .ifPresent(p -> out.put("/app-health/" + name + "/" + probe[1], p));
        }
      }
    }
    if (out.isEmpty()) {
      return "";
    }
    ObjectNode json = Json.obj();
    out.forEach(json::set);
    return json.toString();
  }

  private static Optional<JsonNode> prober(JsonNode probe, Map<String, Integer> ports, int targetPort) {
    if (probe == null || !probe.isObject()) {
      return Optional.empty();
    }
    ObjectNode p = Json.obj();
    String kind;
    if (probe.has("httpGet")) {
      kind = "httpGet";
    } else if (probe.has("tcpSocket")) {
      kind = "tcpSocket";
    } else if (probe.has("grpc")) {
      kind = "grpc";
    } else {
      return Optional.empty();
    }
    if (!(probe.get(kind) instanceof ObjectNode given)) {
      return Optional.empty();
    }
    ObjectNode action = given.deepCopy();
    p.set(kind, action);
    int timeout = probe.path("timeoutSeconds").asInt(0);
    if (timeout != 0) {
      p.put("timeoutSeconds", timeout);
    }
    if (kind.equals("grpc")) {
      return Optional.of(p);
    }
    JsonNode port = action.get("port");
    if (port != null && port.isTextual() && !port.asText().matches("[0-9]+")) {
      Integer resolved = ports.get(port.asText());
      if (resolved == null) {
        return Optional.empty();
      }
      action.put("port", resolved);
    } else if (port != null && port.asInt() == targetPort) {
      return Optional.empty();
    } else if (port != null && port.isTextual()) {
      action.put("port", port.asInt());
    }
    return Optional.of(p);
  }

  static Optional<Boolean> parseBool(String v) {
    return switch (v) {
      case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(true);
      case "0", "f", "F", "FALSE", "false", "False" -> Optional.of(false);
      default -> Optional.empty();
    };
  }
}
