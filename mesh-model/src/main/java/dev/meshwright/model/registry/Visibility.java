package dev.meshwright.model.registry;

import java.util.Collection;
import java.util.Set;

/**
 * Istio's {@code exportTo} values: {@code *} (every namespace), {@code .} (the resource's own namespace),
 * {@code ~} (no namespace) and namespace names. Stateless.
 */
public final class Visibility {
  /** Visible everywhere. */
  public static final String PUBLIC = "*";
  /** Visible in the resource's own namespace only. */
  public static final String PRIVATE = ".";
  /** Visible nowhere. */
  public static final String NONE = "~";

  private Visibility() {}

  /**
   * Whether a resource in {@code ownNamespace} exported to {@code exportTo} (already defaulted; an empty set
   * counts as public) is visible from {@code fromNamespace}.
   */
  public static boolean visible(Collection<String> exportTo, String ownNamespace, String fromNamespace) {
    if (exportTo.isEmpty() || exportTo.contains(PUBLIC)) {
      return true;
    }
    if (exportTo.contains(NONE)) {
      return false;
    }
    return (exportTo.contains(PRIVATE) && ownNamespace.equals(fromNamespace)) || exportTo.contains(fromNamespace);
  }

  /** {@code values} or, when empty, {@code meshDefault} (itself public when empty). */
  public static Set<String> orDefault(Collection<String> values, Collection<String> meshDefault) {
    if (!values.isEmpty()) {
      return Set.copyOf(values);
    }
    return meshDefault.isEmpty() ? Set.of(PUBLIC) : Set.copyOf(meshDefault);
  }
}
