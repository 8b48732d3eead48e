package dev.meshwright.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * istioctl's merge of one IstioOperator spec tree onto another: maps merge recursively, an explicit
 * {@code null} deletes, a few lists merge element-wise by a key field (gateways by {@code name}, mesh
 * config sources by {@code address}, ...), a few string lists are unioned and every other list is
 * replaced. Stateless.
 */
public final class IopMerge {
  /** List paths (spec-relative, {@code *} = any key) whose elements merge by the given field. */
  private static final Map<String, String> KEYED = Map.of(
      "components.ingressGateways", "name",
      "components.egressGateways", "name",
      "meshConfig.configSources", "address",
      "meshConfig.certificates", "secretName",
      "meshConfig.extensionProviders", "name",
      "values.gateways.*.ports", "name",
      "values.gateways.*.secretVolumes", "name",
      "values.gateways.*.meshExpansionPorts", "name");

  /** String lists (spec-relative) that are unioned. */
  private static final Set<String> UNION = Set.of(
      "meshConfig.trustDomainAliases",
      "meshConfig.defaultServiceExportTo",
      "meshConfig.defaultVirtualServiceExportTo",
      "meshConfig.defaultDestinationRuleExportTo");

  private IopMerge() {}

  /** Merges {@code overlay} onto a copy of {@code base} (both spec trees) and returns the copy. */
  public static ObjectNode merge(ObjectNode base, ObjectNode overlay) {
    ObjectNode out = base.deepCopy();
    mergeInto(out, overlay, new ArrayList<>());
    return out;
  }

  private static void mergeInto(ObjectNode target, ObjectNode overlay, List<String> path) {
    for (Map.Entry<String, JsonNode> e : overlay.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      JsonNode existing = target.get(key);
      path.add(key);
      if (value.isNull()) {
        target.remove(key);
      } else if (existing instanceof ObjectNode eo && value instanceof ObjectNode vo) {
        mergeInto(eo, vo, path);
      } else if (existing instanceof ArrayNode ea && value instanceof ArrayNode va) {
        target.set(key, mergeList(ea, va, path));
      } else {
        target.set(key, value.deepCopy());
      }
      path.remove(path.size() - 1);
    }
  }

  private static ArrayNode mergeList(ArrayNode base, ArrayNode overlay, List<String> path) {
    String keyField = keyFor(path);
    if (UNION.contains(String.join(".", path))) {
      Set<JsonNode> union = new LinkedHashSet<>();
      base.forEach(union::add);
      overlay.forEach(union::add);
      ArrayNode out = base.arrayNode();
      union.forEach(n -> out.add(n.deepCopy()));
      return out;
    }
    if (keyField == null) {
      return overlay.deepCopy();
    }
    ArrayNode out = base.deepCopy();
    for (int i = 0; i < overlay.size(); i++) {
      JsonNode item = overlay.get(i);
      JsonNode key = item.get(keyField);
      int match = -1;
      if (key != null) {
        for (int j = 0; j < out.size(); j++) {
          if (key.equals(out.get(j).get(keyField))) {
            match = j;
            break;
          }
        }
      } else if (i < out.size()) {
        match = i;
      }
      if (match >= 0 && out.get(match) instanceof ObjectNode target && item instanceof ObjectNode io) {
        mergeInto(target, io, new ArrayList<>(path));
      } else if (match >= 0) {
        out.set(match, item.deepCopy());
      } else {
        out.add(item.deepCopy());
      }
    }
    return out;
  }

  private static String keyFor(List<String> path) {
    for (Map.Entry<String, String> e : KEYED.entrySet()) {
      String[] parts = e.getKey().split("\\.");
      if (parts.length != path.size()) {
        continue;
      }
      boolean ok = true;
      for (int i = 0; i < parts.length && ok; i++) {
        ok = parts[i].equals("*") || parts[i].equals(path.get(i));
      }
      if (ok) {
        return e.getValue();
      }
    }
    return null;
  }
}
