package dev.meshwright.api.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.json.MeshJackson;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A structural check of an inline JSON Web Key Set: JSON, either a set ({@code {"keys": [...]}}) or a
 * single key, each key of a known type with the members that type needs. Keys are not decoded. Stateless.
 */
final class Jwks {
  private static final Map<String, Set<String>> REQUIRED = Map.of(
      "RSA", Set.of("n", "e"),
      "EC", Set.of("crv", "x", "y"),
      "oct", Set.of("k"),
      "OKP", Set.of("crv", "x"));

  private Jwks() {}

  /** Why {@code text} is not a key set, or empty. */
  static Optional<String> parseError(String text) {
    JsonNode root;
    try {
      root = MeshJackson.json().readTree(text);
    } catch (JsonProcessingException e) {
      return Optional.of("failed to unmarshal JWK set: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      return Optional.of("failed to unmarshal JWK set: expected a JSON object");
    }
    if (!root.has("keys")) {
      return key(root);
    }
    JsonNode keys = root.get("keys");
    if (!keys.isArray()) {
      return Optional.of("failed to unmarshal JWK set: \"keys\" must be an array");
    }
    for (JsonNode k : keys) {
      Optional<String> e = key(k);
      if (e.isPresent()) {
        return e;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> key(JsonNode k) {
    if (!k.isObject()) {
      return Optional.of("failed to unmarshal JWK: expected a JSON object");
    }
    JsonNode kty = k.get("kty");
    if (kty == null || !kty.isTextual()) {
      return Optional.of("failed to unmarshal JWK: missing \"kty\" field");
    }
    Set<String> required = REQUIRED.get(kty.asText());
    if (required == null) {
      return Optional.of("failed to unmarshal JWK: invalid key type from JSON (" + kty.asText() + ")");
    }
    for (String member : required.stream().sorted().toList()) {
      if (!k.hasNonNull(member)) {
        return Optional.of("failed to unmarshal JWK: required field " + member + " is missing");
      }
    }
    return Optional.empty();
  }
}
