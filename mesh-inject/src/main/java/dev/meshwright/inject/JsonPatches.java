package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.meshwright.api.json.MeshJackson;
import io.fabric8.zjsonpatch.JsonDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 6902 patches between two JSON trees, computed with fabric8's zjsonpatch (which works on Jackson 3 trees;
 * the trees cross over as JSON text). Stateless and thread-safe.
 */
final class JsonPatches {
  private static final ObjectMapper JACKSON3 = JsonMapper.builder().build();

  private JsonPatches() {}

  /** The operations that turn {@code from} into {@code to}. */
  static ArrayNode diff(JsonNode from, JsonNode to) {
    tools.jackson.databind.JsonNode a = JACKSON3.readTree(from.toString());
    tools.jackson.databind.JsonNode b = JACKSON3.readTree(to.toString());
    String patch = JsonDiff.asJson(a, b).toString();
    try {
      return (ArrayNode) MeshJackson.json().readTree(patch);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
