package dev.meshwright.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A renderer for the subset of Go {@code text/template} (plus sprig's {@code until}, {@code div} and {@code mod}) the
 * xds-bench templates use: text, {@code {{- range $v := until EXPR }} … {{- end }}} (nestable), and the value
 * actions {@code $v}, {@code .Name}, {@code $.Name}, {@code div A B}, {@code mod A B}. <code>&#123;&#123;-</code> trims the
 * whitespace before an action and <code>-&#125;&#125;</code> the whitespace after it, as Go does. Values are integers.
 *
 * <p>{@link #render} throws {@link IllegalArgumentException} for anything outside the subset (an unknown action,
 * an unbalanced {@code end}, an unknown variable), so a new template feature shows up as a failing case rather
 * than as silently wrong config. Stateless and thread-safe.
 */
final class GoTemplate {
  private GoTemplate() {}

  /** {@code template} rendered with the top-level values {@code data} (e.g. {@code Services=1, Instances=1}). */
  static String render(String template, Map<String, Integer> data) {
    List<Object> tokens = tokenize(template);
    StringBuilder out = new StringBuilder();
    int[] pos = {0};
    exec(tokens, pos, data, new HashMap<>(), out, false);
    if (pos[0] != tokens.size()) {
      throw new IllegalArgumentException("unexpected {{end}}");
    }
    return out.toString();
  }

  /** An action's text, without the braces and trim markers. */
  private record Action(String text) {}

  private static List<Object> tokenize(String t) {
    List<Object> tokens = new ArrayList<>();
    int i = 0;
    StringBuilder text = new StringBuilder();
    while (i < t.length()) {
      int open = t.indexOf("{{", i);
      if (open < 0) {
        text.append(t, i, t.length());
        break;
      }
      text.append(t, i, open);
      int close = t.indexOf("}}", open);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed action at offset " + open);
      }
      String inner = t.substring(open + 2, close);
      if (inner.startsWith("- ") || inner.equals("-")) {
        trimEnd(text);
        inner = inner.substring(1);
      }
      boolean trimAfter = inner.endsWith(" -");
      if (trimAfter) {
        inner = inner.substring(0, inner.length() - 1);
      }
      tokens.add(text.toString());
      text.setLength(0);
      tokens.add(new Action(inner.strip()));
      i = close + 2;
      if (trimAfter) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
          i++;
        }
      }
    }
    tokens.add(text.toString());
    return tokens;
  }

  private static void trimEnd(StringBuilder b) {
    int n = b.length();
    while (n > 0 && Character.isWhitespace(b.charAt(n - 1))) {
      n--;
    }
    b.setLength(n);
  }

  /** Runs tokens from {@code pos} up to the matching {@code end} (or the end of input when top-level). */
  private static void exec(List<Object> tokens, int[] pos, Map<String, Integer> data, Map<String, Integer> vars,
      StringBuilder out, boolean nested) {
    while (pos[0] < tokens.size()) {
      Object tok = tokens.get(pos[0]);
      if (tok instanceof String s) {
        out.append(s);
        pos[0]++;
        continue;
      }
      String a = ((Action) tok).text();
      if (a.equals("end")) {
        if (!nested) {
          throw new IllegalArgumentException("unexpected {{end}}");
        }
        return;
      }
      pos[0]++;
      if (a.startsWith("range ")) {
        range(a, tokens, pos, data, vars, out);
      } else {
        out.append(value(a, data, vars));
      }
    }
    if (nested) {
      throw new IllegalArgumentException("missing {{end}}");
    }
  }

  private static void range(String action, List<Object> tokens, int[] pos, Map<String, Integer> data,
      Map<String, Integer> vars, StringBuilder out) {
    String[] words = action.split("\\s+");
    if (words.length != 5 || !words[1].startsWith("$") || !words[2].equals(":=") || !words[3].equals("until")) {
      throw new IllegalArgumentException("unsupported range: " + action);
    }
    int n = operand(words[4], data, vars);
    int body = pos[0];
    if (n <= 0) {
      // still walk the body to find its end
      exec(tokens, pos, data, vars, new StringBuilder(), true);
    }
    for (int k = 0; k < n; k++) {
      pos[0] = body;
      Map<String, Integer> inner = new HashMap<>(vars);
      inner.put(words[1], k);
      exec(tokens, pos, data, inner, out, true);
    }
    pos[0]++; // the end
  }

  private static int value(String action, Map<String, Integer> data, Map<String, Integer> vars) {
    String[] words = action.split("\\s+");
    if (words.length == 1) {
      return operand(words[0], data, vars);
    }
    if (words.length == 3 && (words[0].equals("div") || words[0].equals("mod"))) {
      int x = operand(words[1], data, vars);
      int y = operand(words[2], data, vars);
      if (y == 0) {
        throw new IllegalArgumentException("division by zero in " + action);
      }
      return words[0].equals("div") ? x / y : x % y;
    }
    throw new IllegalArgumentException("unsupported action: " + action);
  }

  private static int operand(String w, Map<String, Integer> data, Map<String, Integer> vars) {
    Integer v;
    if (w.startsWith("$.")) {
      v = data.get(w.substring(2));
    } else if (w.startsWith(".")) {
      v = data.get(w.substring(1));
    } else if (w.startsWith("$")) {
      v = vars.get(w);
    } else {
      try {
        v = Integer.parseInt(w);
      } catch (NumberFormatException e) {
        v = null;
      }
    }
    if (v == null) {
      throw new IllegalArgumentException("unknown value: " + w);
    }
    return v;
  }
}
