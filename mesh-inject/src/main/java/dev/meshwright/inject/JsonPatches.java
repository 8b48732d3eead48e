package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.json.MeshJackson;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies RFC 6902 patches with fabric8's zjsonpatch, which works on Jackson 3 trees (the trees cross over as JSON
 * text). The injector computes its patches with {@link JsonDiff}; applying them here, with an independent
 * implementation, is how the tests and the conformance runner check them. Stateless and thread-safe.
 */
public final class JsonPatches {
  private static final ObjectMapper JACKSON3 = JsonMapper.builder().build();

  private JsonPatches() {}

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
