package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.inject.Quantities;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Normalises kube-inject output and goldens for the structural comparison the inject corpus README describes:
 * documents parsed in order, map key order ignored, list order kept. Go serialisation artefacts are removed on
 * both sides (nulls such as {@code creationTimestamp: null}, empty maps and lists, {@code status} blocks,
 * {@code divisor: "0"}, omitted zero/false DeploymentConfig fields), quantities in {@code resources} are made
 * canonical, and strings holding JSON (PROXY_CONFIG, ISTIO_META_POD_PORTS, ISTIO_KUBE_APP_PROBERS, the status
 * and overrides annotations) are compared as parsed JSON. Stateless.
 */
final class InjectNormalizer {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> ZERO_OR_FALSE_DROPPED = Set.of("test", "paused", "minReadySeconds");

  private InjectNormalizer() {}

  /** The documents of a YAML text, normalised. */
  static List<JsonNode> documents(String text) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = MeshJackson.yaml().readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNext()) {
        JsonNode n = normalize(it.next(), "");
        if (n != null) {
          out.add(n);
        }
      }
    }
    return out;
  }

  /** One tree, normalised (null when nothing is left). */
  static JsonNode normalize(JsonNode node) {
    return normalize(node, "");
  }

  private static JsonNode normalize(JsonNode node, String key) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      ObjectNode copy = F.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String k = e.getKey();
        JsonNode v = e.getValue();
        if (k.equals("status") && v.isObject() || k.equals("divisor") && v.asText().equals("0")) {
          continue;
        }
        if (ZERO_OR_FALSE_DROPPED.contains(k) && (v.isBoolean() && !v.asBoolean() || v.isNumber() && v.asInt() == 0)) {
          continue;
        }
        if (k.equals("resources") && v.isObject()) {
          v = canonicalResources(v);
        }
        JsonNode n = normalize(v, k);
        if (n != null) {
          copy.set(k, n);
        }
      }
      return copy.isEmpty() ? null : copy;
    }
    if (node.isArray()) {
      ArrayNode copy = F.arrayNode();
      for (JsonNode v : node) {
        JsonNode n = normalize(v, key);
        copy.add(n == null ? F.objectNode() : n);
      }
      return copy.isEmpty() ? null : copy;
    }
    if (node.isTextual()) {
      String t = node.asText().strip();
      if (t.startsWith("{") || t.startsWith("[")) {
        try {
          JsonNode parsed = MeshJackson.json().readTree(t);
          JsonNode n = normalize(parsed, key);
          return n == null ? F.textNode("<empty json>") : n;
        } catch (IOException e) {
          return node;
        }
      }
    }
    return node;
  }

  private static JsonNode canonicalResources(JsonNode resources) {
    ObjectNode copy = resources.deepCopy();
    for (String k : new String[] {"limits", "requests"}) {
      if (copy.get(k) instanceof ObjectNode block) {
        for (Map.Entry<String, JsonNode> e : block.properties()) {
          e.setValue(F.textNode(Quantities.canonical(e.getValue().asText())));
        }
      }
    }
    return copy;
  }
}
