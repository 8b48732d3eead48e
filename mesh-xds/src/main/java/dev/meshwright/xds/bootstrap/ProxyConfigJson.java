package dev.meshwright.xds.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.json.IstioDurations;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.mesh.ProxyConfig;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The {@code PROXY_CONFIG} node metadata: the ProxyConfig as proto3 JSON, which is how pilot-agent writes it. Proto3
 * JSON leaves out fields at their zero value (an empty string, 0, false, the first enum value) unless the field is a
 * wrapper type, writes {@code Int64Value} as a string and durations as seconds with 0, 3, 6 or 9 fraction digits;
 * Meshwright's own JSON keeps whatever was set, so this class adjusts it. Stateless.
 */
final class ProxyConfigJson {
  /** Fields that are wrapper messages in the proto: written even at zero. */
  private static final Set<String> WRAPPERS = Set.of("concurrency", "holdApplicationUntilProxyStarts",
      "insecureSkipVerify", "disabled", "fallback", "maxNumberOfAttributes", "maxNumberOfAnnotations",
      "maxNumberOfMessageEvents");

  /** {@code Int64Value} fields: proto3 JSON writes them as strings. */
  private static final Set<String> INT64_WRAPPERS = Set.of("maxNumberOfAttributes", "maxNumberOfAnnotations",
      "maxNumberOfMessageEvents");

  /** Map fields: every entry is written, zero values included. */
  private static final Set<String> MAPS = Set.of("proxyMetadata", "runtimeValues", "customTags");

  /** Enum fields and the name of their zero value. */
  private static final Map<String, String> ZERO_ENUMS = Map.of("controlPlaneAuthPolicy", "NONE",
      "interceptionMode", "REDIRECT", "tracingServiceName", "APP_LABEL_AND_NAMESPACE", "mode", "DISABLE",
      "forwardClientCertDetails", "UNDEFINED");

  /** Duration fields. */
  private static final Set<String> DURATIONS = Set.of("drainDuration", "discoveryRefreshDelay",
      "terminationDrainDuration", "parentShutdownDuration", "time", "interval", "pollDelay");

  private ProxyConfigJson() {}

  /** {@code config} as proto3 JSON. */
  static ObjectNode of(ProxyConfig config) {
    ObjectNode tree = MeshJackson.json().valueToTree(config);
    normalize(tree);
    return tree;
  }

  private static void normalize(ObjectNode object) {
    Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (MAPS.contains(key)) {
        if (key.equals("customTags") && v.isObject()) {
          v.forEach(tag -> {
            if (tag.isObject()) {
              normalize((ObjectNode) tag);
            }
          });
        }
        continue;
      }
      if (v.isObject()) {
        normalize((ObjectNode) v);
      } else if (v.isArray()) {
        v.forEach(item -> {
          if (item.isObject()) {
            normalize((ObjectNode) item);
          }
        });
      } else if (isZero(key, v) && !WRAPPERS.contains(key)) {
        fields.remove();
      } else if (INT64_WRAPPERS.contains(key) && v.isNumber()) {
        e.setValue(JsonNodeFactory.instance.textNode(v.asText()));
      } else if (DURATIONS.contains(key) && v.isTextual()) {
        e.setValue(JsonNodeFactory.instance.textNode(protoDuration(IstioDurations.parse(v.asText()))));
      }
    }
  }

  private static boolean isZero(String key, JsonNode v) {
    if (v.isTextual()) {
      return v.asText().isEmpty() || v.asText().equals(ZERO_ENUMS.get(key));
    }
    if (v.isNumber()) {
      return v.doubleValue() == 0;
    }
    return v.isBoolean() && !v.booleanValue();
  }

  /** A duration as proto3 JSON writes it: {@code 5s}, {@code 0.250s}, {@code 1.000500s}. */
  static String protoDuration(Duration d) {
    long nanos = d.getNano();
    String whole = Long.toString(d.getSeconds());
    if (nanos == 0) {
      return whole + "s";
    }
    String frac = String.format("%09d", nanos);
    if (nanos % 1_000_000 == 0) {
      frac = frac.substring(0, 3);
    } else if (nanos % 1_000 == 0) {
      frac = frac.substring(0, 6);
    }
    return whole + "." + frac + "s";
  }
}
