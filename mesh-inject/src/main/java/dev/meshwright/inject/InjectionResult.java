package dev.meshwright.inject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * What injecting one pod gave: the mutated pod, the RFC 6902 JSON patch from the original pod to it (what an
 * admission webhook returns) and the reasons (the policy decision and notable choices). The trees are copies
 * owned by the result; callers may read them but should copy before editing (the patch's values are nodes of
 * {@code pod}, shared).
 *
 * @param pod the injected pod ({@code metadata} and {@code spec})
 * @param patch the JSON patch, an array of operations; empty when nothing changed
 * @param reasons human-readable notes, first the reason for injecting
 */
public record InjectionResult(ObjectNode pod, ArrayNode patch, List<String> reasons) {
  public InjectionResult {
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(patch, "patch");
    reasons = List.copyOf(reasons);
  }

  /** The patch as compact JSON text. */
  public String patchJson() {
    return patch.toString();
  }
}
