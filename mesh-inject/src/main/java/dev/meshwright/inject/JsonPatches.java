package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.meshwright.api.json.MeshJackson;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 6902 patches between two JSON trees: computed by {@link JsonDiff} on the Jackson 2 trees directly (one walk,
 * no text round trip; the webhook computes one per request) and applied with fabric8's zjsonpatch, which works on
 * Jackson 3 trees (the trees cross over as JSON text), so the tests check our diff against an independent
 * implementation of the apply side. Stateless and thread-safe.
 */
public final class JsonPatches {
  private static final ObjectMapper JACKSON3 = JsonMapper.builder().build();

  private JsonPatches() {}

  /** The operations that turn {@code from} into {@code to}. */
  static ArrayNode diff(JsonNode from, JsonNode to) {
    return JsonDiff.diff(from, to);
  }

  /**
   * {@code target} after applying {@code patchJson} (a JSON array of RFC 6902 operations), as the API server
   * applies an admission webhook's patch; {@code target} itself is not changed.
   */
  public static JsonNode apply(String patchJson, JsonNode target) {
    tools.jackson.databind.JsonNode applied = JsonPatch.apply(JACKSON3.readTree(patchJson),
        JACKSON3.readTree(target.toString()));
    return jackson2(JACKSON3.writeValueAsString(applied));
  }

  private static JsonNode jackson2(String json) {
    try {
      return MeshJackson.json().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
