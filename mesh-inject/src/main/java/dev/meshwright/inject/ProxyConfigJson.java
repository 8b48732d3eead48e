package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.mesh.ProxyConfig;
import java.util.Map;

/** {@code PROXY_CONFIG}: the fields of the effective proxy config that differ from Istio's defaults, as JSON. */
final class ProxyConfigJson {
  private ProxyConfigJson() {}

  /** Compact JSON of the differing fields ({@code {}} when none). */
  static String nonDefault(ProxyConfig effective) {
    JsonNode value = MeshJackson.json().valueToTree(effective);
    JsonNode defaults = MeshJackson.json().valueToTree(MeshConfigs.defaultProxyConfig());
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
