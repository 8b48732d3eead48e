package dev.meshwright.api.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the line and column of a field path in a document's text. Used only when a problem is reported,
 * so the happy path never pays for positions.
 */
final class Locator {
  /** A 1-based position; {@code line == 0} means unknown. */
  record Position(int line, int column) {
    static final Position UNKNOWN = new Position(0, 0);
  }

  private Locator() {}

  /**
   * The position of the deepest existing prefix of {@code path} in {@code text}; unknown if the text
   * does not parse. The path is relative to the document root.
   */
  static Position find(JsonFactory factory, String text, String path) {
    List<Object> target = FieldPath.segments(path);
    Position best = Position.UNKNOWN;
    int bestDepth = -1;
    try (JsonParser p = factory.createParser(text)) {
      List<Object> current = new ArrayList<>();
      List<Integer> indexes = new ArrayList<>();
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        switch (t) {
          case FIELD_NAME -> {
            setLast(current, p.currentName());
            int depth = matchDepth(current, target);
            if (depth == current.size() && depth > bestDepth) {
              bestDepth = depth;
              best = position(p.currentTokenLocation());
            }
          }
          case START_OBJECT, START_ARRAY -> {
            bumpIndex(current, indexes);
            current.add(t == JsonToken.START_ARRAY ? (Object) (-1) : "");
            indexes.add(t == JsonToken.START_ARRAY ? 1 : 0);
          }
          case END_OBJECT, END_ARRAY -> {
            current.remove(current.size() - 1);
            indexes.remove(indexes.size() - 1);
          }
          default -> bumpIndex(current, indexes);
        }
        if (bestDepth == target.size()) {
          return best;
        }
      }
    } catch (IOException | RuntimeException e) {
      return best;
    }
    return best;
  }

  /** Inside an array, each new value advances the index; record a match on it. */
  private static void bumpIndex(List<Object> current, List<Integer> kinds) {
    if (!kinds.isEmpty() && kinds.get(kinds.size() - 1) == 1) {
      int last = current.size() - 1;
      current.set(last, (Integer) current.get(last) + 1);
    }
  }

  private static void setLast(List<Object> current, String name) {
    current.set(current.size() - 1, name);
  }

  private static int matchDepth(List<Object> current, List<Object> target) {
    int n = Math.min(current.size(), target.size());
    int i = 0;
    while (i < n && current.get(i).equals(target.get(i))) {
      i++;
    }
    return i;
  }

  private static Position position(JsonLocation loc) {
    return loc == null ? Position.UNKNOWN : new Position(loc.getLineNr(), loc.getColumnNr());
  }
}
