package dev.meshwright.model.gateway;

import dev.meshwright.api.MeshResource;
import dev.meshwright.api.json.MeshJackson;
import java.util.Map;

/** Turns mesh-api metadata into the plain JSON map fabric8 binds from. Stateless. */
final class MeshYamlTrees {
  private MeshYamlTrees() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> metadata(MeshResource r) {
    return MeshJackson.json().convertValue(r.metadata(), Map.class);
  }
}
