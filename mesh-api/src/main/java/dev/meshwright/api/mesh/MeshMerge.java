package dev.meshwright.api.mesh;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.json.MeshJackson;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Istio's way of applying a user's mesh config over a base (pkg/config/mesh ApplyMeshConfig), done on
 * proto-JSON trees:
 * <ul>
 *   <li>every top-level field the overlay sets replaces the base's, messages included (no deep merge);</li>
 *   <li>{@code defaultConfig} is merged field by field: set fields replace, {@code proxyMetadata} maps are
 *       merged, and the {@code proxyHeaders} members left unset keep the base's;</li>
 *   <li>{@code defaultProviders} fields the overlay sets replace the base's;</li>
 *   <li>{@code extensionProviders} are merged by name (same name replaces, new names are appended);</li>
 *   <li>{@code trustDomainAliases} become the sorted union of both.</li>
 * </ul>
 * Fields are "set" when present in the overlay value: absent optionals and empty lists or maps are unset.
 */
final class MeshMerge {
  /** Writes every present field, including empty strings, zero numbers and false (they are set values). */
  private static final ObjectMapper PRESENT = MeshJackson.json().rebuild()
      .defaultPropertyInclusion(include(JsonInclude.Include.NON_ABSENT))
      .withConfigOverride(List.class, o -> o.setInclude(include(JsonInclude.Include.NON_EMPTY)))
      .withConfigOverride(Map.class, o -> o.setInclude(include(JsonInclude.Include.NON_EMPTY)))
      .build();

  private static final List<String> PROXY_HEADERS_KEPT =
      List.of("forwardedClientCert", "requestId", "attemptCount", "server", "envoyDebugHeaders");
  private static final List<String> CLUSTER_NAME_ONEOF = List.of("serviceCluster", "tracingServiceName");

  private MeshMerge() {}

  static MeshConfig mesh(MeshConfig base, MeshConfig overlay) {
    ObjectNode b = PRESENT.valueToTree(base);
    ObjectNode o = PRESENT.valueToTree(overlay);
    ObjectNode out = b.deepCopy();
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      switch (e.getKey()) {
        case "defaultConfig" ->
            out.set("defaultConfig", proxyTree(object(b.get("defaultConfig")), (ObjectNode) e.getValue()));
        case "defaultProviders" ->
            out.set("defaultProviders", replaceFields(object(b.get("defaultProviders")), (ObjectNode) e.getValue()));
        case "extensionProviders" ->
            out.set("extensionProviders", providers(b.get("extensionProviders"), (ArrayNode) e.getValue()));
        default -> out.set(e.getKey(), e.getValue());
      }
    }
    TreeSet<String> aliases = new TreeSet<>();
    b.path("trustDomainAliases").forEach(n -> aliases.add(n.asText()));
    o.path("trustDomainAliases").forEach(n -> aliases.add(n.asText()));
    out.remove("trustDomainAliases");
    if (!aliases.isEmpty()) {
      ArrayNode list = out.putArray("trustDomainAliases");
      aliases.forEach(list::add);
    }
    return bind(out, MeshConfig.class);
  }

  static ProxyConfig proxy(ProxyConfig base, ProxyConfig overlay) {
    return bind(proxyTree(PRESENT.valueToTree(base), PRESENT.valueToTree(overlay)), ProxyConfig.class);
  }

  private static ObjectNode proxyTree(ObjectNode base, ObjectNode overlay) {
    ObjectNode out = base.deepCopy();
    for (Map.Entry<String, JsonNode> e : overlay.properties()) {
      String key = e.getKey();
      if (CLUSTER_NAME_ONEOF.contains(key)) {
        CLUSTER_NAME_ONEOF.forEach(out::remove);
      }
      if (key.equals("proxyMetadata")) {
        ObjectNode merged = object(base.get(key)).deepCopy();
        merged.setAll((ObjectNode) e.getValue());
        out.set(key, merged);
      } else if (key.equals("proxyHeaders") && base.has(key)) {
        ObjectNode headers = ((ObjectNode) e.getValue()).deepCopy();
        for (String member : PROXY_HEADERS_KEPT) {
          JsonNode now = headers.get(member);
          boolean unset = now == null || (member.equals("forwardedClientCert") && now.asText().equals("UNDEFINED"));
          if (unset && base.get(key).has(member)) {
            headers.set(member, base.get(key).get(member));
          }
        }
        out.set(key, headers);
      } else {
        out.set(key, e.getValue());
      }
    }
    return out;
  }

  private static ObjectNode replaceFields(ObjectNode base, ObjectNode overlay) {
    ObjectNode out = base.deepCopy();
    out.setAll(overlay);
    return out;
  }

  private static ArrayNode providers(JsonNode base, ArrayNode overlay) {
    ArrayNode out = base instanceof ArrayNode a ? a.deepCopy() : PRESENT.createArrayNode();
    for (JsonNode p : overlay) {
      String name = p.path("name").asText("");
      boolean replaced = false;
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i).path("name").asText("").equals(name)) {
          out.set(i, p);
          replaced = true;
          break;
        }
      }
      if (!replaced) {
        out.add(p);
      }
    }
    return out;
  }

  private static JsonInclude.Value include(JsonInclude.Include include) {
    return JsonInclude.Value.construct(include, JsonInclude.Include.USE_DEFAULTS);
  }

  private static ObjectNode object(JsonNode node) {
    return node instanceof ObjectNode o ? o : PRESENT.createObjectNode();
  }

  private static <T> T bind(ObjectNode tree, Class<T> type) {
    try {
      return MeshJackson.json().treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      // Both inputs are typed values of the same schema, so their merge always binds.
      throw new IllegalStateException("merged mesh config does not bind: " + e.getOriginalMessage(), e);
    }
  }
}
