package dev.meshwright.api.mesh;

import java.util.ArrayList;
import java.util.List;

/** Checks for proto oneofs modelled as several optional fields. */
final class Oneofs {
  private Oneofs() {}

  /**
   * Throws when more than one member is set.
   *
   * @param oneof the oneof's proto name, for the message
   * @param namesAndPresence alternating member name ({@code String}) and whether it is set ({@code Boolean})
   */
  static void atMostOne(String oneof, Object... namesAndPresence) {
    List<String> set = new ArrayList<>();
    for (int i = 0; i < namesAndPresence.length; i += 2) {
      if ((Boolean) namesAndPresence[i + 1]) {
        set.add((String) namesAndPresence[i]);
      }
    }
    if (set.size() > 1) {
      throw new IllegalStateException(
          "only one of " + String.join(", ", set) + " may be set (oneof " + oneof + ")");
    }
  }

  /** The first member set, or empty; arguments as for {@link #atMostOne}. */
  static String firstSet(Object... namesAndPresence) {
    for (int i = 0; i < namesAndPresence.length; i += 2) {
      if ((Boolean) namesAndPresence[i + 1]) {
        return (String) namesAndPresence[i];
      }
    }
    return "";
  }
}
