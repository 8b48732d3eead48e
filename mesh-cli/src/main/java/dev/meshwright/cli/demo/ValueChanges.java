package dev.meshwright.cli.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The short form of a profile diff: the value paths whose value differs between two {@code profile dump -o flags}
 * texts ({@code path=value} lines), one {@code path: before → after} line each, sorted by path; a path set on one
 * side only reads {@code (unset)} on the other. Pure.
 */
public final class ValueChanges {
  private ValueChanges() {}

  /** The changed paths from {@code before} to {@code after}, e.g. {@code profile: "default" → "demo"}. */
  public static List<String> between(String before, String after) {
    Map<String, String> a = parse(before);
    Map<String, String> b = parse(after);
    TreeSet<String> paths = new TreeSet<>(a.keySet());
    paths.addAll(b.keySet());
    List<String> out = new ArrayList<>();
    for (String path : paths) {
      String x = a.getOrDefault(path, "(unset)");
      String y = b.getOrDefault(path, "(unset)");
      if (!x.equals(y)) {
        out.add(path + ": " + x + " → " + y);
      }
    }
    return out;
  }

  private static Map<String, String> parse(String flags) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : flags.lines().toList()) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return out;
  }
}
