package dev.meshwright.inject.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link PodMutator} decided for one pod: admit it with an RFC 6902 patch, admit it unchanged, or refuse
 * it with a message. The webhook turns it into the AdmissionReview response. Immutable.
 */
public sealed interface AdmissionOutcome {
  /**
   * Admit the pod with {@code patchJson} applied ({@code patchType: JSONPatch}). An empty array is a valid patch.
   *
   * @throws IllegalArgumentException when it is not a JSON array of operations (see {@link Patched})
   */
  static AdmissionOutcome patch(String patchJson) {
    Objects.requireNonNull(patchJson, "patchJson");
    JsonNode tree;
    try {
      tree = Patched.JSON.readTree(patchJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the patch is not JSON: " + e.getOriginalMessage(), e);
    }
    Patched.check(tree);
    return new Patched(patchJson);
  }

  /**
   * Admit the pod with {@code operations} applied, the form an injector that built the patch as a tree uses: it is
   * checked and serialized once, never parsed back.
   *
   * @throws IllegalArgumentException when it is not an array of operations (see {@link Patched})
   */
  static AdmissionOutcome patch(JsonNode operations) {
    Objects.requireNonNull(operations, "operations");
    Patched.check(operations);
    return new Patched(operations.toString());
  }

  /** Admit the pod unchanged (no patch in the response), the answer for pods the injector skips. */
  static AdmissionOutcome allow() {
    return Allowed.INSTANCE;
  }

  /** Refuse the pod; {@code message} goes to {@code response.status.message}. */
  static AdmissionOutcome deny(String message) {
    return new Denied(message);
  }

  /**
   * Admit with a JSON patch: an RFC 6902 patch, a JSON array of operation objects, each with an {@code op}
   * Kubernetes knows and a {@code path}; checked by the factories. Equal when the JSON text is.
   */
  final class Patched implements AdmissionOutcome {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OPS = Set.of("add", "remove", "replace", "move", "copy", "test");

    private final String json;

    private Patched(String json) {
      this.json = json;
    }

    /** The patch as compact JSON text. */
    public String json() {
      return json;
    }

    private static void check(JsonNode tree) {
      if (tree == null || !tree.isArray()) {
        throw new IllegalArgumentException("an RFC 6902 patch is a JSON array of operations");
      }
      for (int i = 0; i < tree.size(); i++) {
        JsonNode op = tree.get(i);
        if (!op.path("op").isTextual() || !OPS.contains(op.path("op").asText())) {
          throw new IllegalArgumentException("patch[" + i + "].op: must be one of " + OPS.stream().sorted().toList());
        }
        if (!op.path("path").isTextual()) {
          throw new IllegalArgumentException("patch[" + i + "].path: missing");
        }
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Patched p && p.json.equals(json);
    }

    @Override
    public int hashCode() {
      return json.hashCode();
    }

    @Override
    public String toString() {
      return "Patched[json=" + json + "]";
    }
  }

  /** Admit unchanged. */
  enum Allowed implements AdmissionOutcome {
    /** The only value. */
    INSTANCE
  }

  /**
   * Refuse.
   *
   * @param message why, for the user who created the pod
   */
  record Denied(String message) implements AdmissionOutcome {
    public Denied {
      Objects.requireNonNull(message, "message");
    }
  }
}
