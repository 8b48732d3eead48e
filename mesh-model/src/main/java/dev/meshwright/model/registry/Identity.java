package dev.meshwright.model.registry;

import java.util.List;

/**
 * Identity comparisons for structures rebuilt from shared parts: a rebuild that reuses unchanged objects can tell
 * "unchanged" by instance in one pass, without comparing fields. Stateless.
 */
public final class Identity {
  private Identity() {}

  /** Whether {@code a} and {@code b} hold the same instances in the same order ({@code null} is no list). */
  public static boolean sameElements(List<?> a, List<?> b) {
    if (a == null || b == null || a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }
}
