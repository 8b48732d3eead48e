package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.mesh.ProxyConfig;
import java.util.Map;

/**
 * {@code PROXY_CONFIG}: the fields of the effective proxy config that differ from Istio's defaults, as JSON.
 * The last answer is remembered: nearly every pod of a mesh has the same effective config, and serializing it is
 * a good part of an injection's cost. Thread-safe.
 */
final class ProxyConfigJson {
  private static final JsonNode DEFAULTS = MeshJackson.json().valueToTree(MeshConfigs.defaultProxyConfig());
  private static volatile Map.Entry<ProxyConfig, String> last;

  private ProxyConfigJson() {}

  /** Compact JSON of the differing fields ({@code {}} when none). */
  static String nonDefault(ProxyConfig effective) {
    Map.Entry<ProxyConfig, String> remembered = last;
    if (remembered != null && remembered.getKey().equals(effective)) {
      return remembered.getValue();
    }
    String json = compute(effective);
    last = Map.entry(effective, json);
    return json;
  }

  private static String compute(ProxyConfig effective) {
    JsonNode value = MeshJackson.json().valueToTree(effective);
    JsonNode defaults = DEFAULTS;
    ObjectNode out = Json.obj();
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      JsonNode v = e.getValue();
      if (v.isNull() || (v.isContainerNode() && v.isEmpty() && !v.isObject())) {
        continue;
      }
      if (v.isObject() && v.isEmpty() && e.getKey().equals("proxyMetadata")) {
        continue;
      }
      if (!v.equals(defaults.get(e.getKey()))) {
        out.set(e.getKey(), v);
      }
    }
    return out.toString();
  }
}
