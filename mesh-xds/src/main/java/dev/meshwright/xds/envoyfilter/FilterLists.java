package dev.meshwright.xds.envoyfilter;

import dev.meshwright.api.networking.EnvoyFilterPatch.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * istiod's operations on an ordered filter list (listener, network and HTTP filters): ADD appends, INSERT_FIRST
 * prepends, INSERT_BEFORE / INSERT_AFTER go next to the first filter the patch names (first / last when it names
 * none), REPLACE swaps the first named filter, REMOVE drops every named one; REPLACE and REMOVE without a name do
 * nothing, and so does MERGE here (it works per filter). Returns a new list; the input is not changed. Stateless.
 */
final class FilterLists {
  private FilterLists() {}

  /**
   * @param named whether the patch names a filter of this list
   * @param matches whether a filter is the named one
   */
  static <T> List<T> apply(List<T> in, Operation op, boolean named, Predicate<T> matches, T value) {
    List<T> out = new ArrayList<>(in);
    switch (op) {
      case ADD -> out.add(value);
      case INSERT_FIRST -> out.add(0, value);
      case INSERT_AFTER -> {
        int i = named ? first(out, matches) : out.size() - 1;
        if (i >= 0 || !named) {
          out.add(i + 1, value);
        }
      }
      case INSERT_BEFORE -> {
        int i = named ? first(out, matches) : 0;
        if (i >= 0) {
          out.add(i, value);
        }
      }
      case REPLACE -> {
        int i = named ? first(out, matches) : -1;
        if (i >= 0) {
          out.set(i, value);
        }
      }
      case REMOVE -> {
        if (named) {
          out.removeIf(matches);
        }
      }
      default -> {
        return in;
      }
    }
    return out;
  }

  private static <T> int first(List<T> list, Predicate<T> matches) {
    for (int i = 0; i < list.size(); i++) {
      if (matches.test(list.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
