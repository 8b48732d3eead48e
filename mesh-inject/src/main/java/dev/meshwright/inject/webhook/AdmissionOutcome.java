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
  /** Admit the pod with {@code patch} applied ({@code patchType: JSONPatch}). An empty array is a valid patch. */
  static AdmissionOutcome patch(String patchJson) {
    return new Patched(patchJson);
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
   * Admit with a JSON patch.
   *
   * @param json an RFC 6902 patch: a JSON array of operation objects, each with an {@code op} Kubernetes knows and
   *     a {@code path}; checked on construction
   */
  record Patched(String json) implements AdmissionOutcome {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OPS = Set.of("add", "remove", "replace", "move", "copy", "test");

    public Patched {
      Objects.requireNonNull(json, "json");
      JsonNode tree;
      try {
        tree = JSON.readTree(json);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("the patch is not JSON: " + e.getOriginalMessage(), e);
      }
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
