package dev.meshwright.api.networking;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Tells whether a pattern compiles as Go's RE2 would: RE2 rejects what Java accepts as possessive
 * quantifiers ({@code a++}, reported as a nested repetition), lookaround, atomic groups and
 * backreferences; other syntax errors are left to {@link Pattern}. Messages follow Go's
 * {@code error parsing regexp: ...} form. Stateless.
 */
final class EnvoyFilterRe2 {
  private EnvoyFilterRe2() {}

  /** The compile error of {@code regex}, or empty when RE2 accepts it. */
  static Optional<String> compileError(String regex) {
    Optional<String> re2 = re2Only(regex);
    if (re2.isPresent()) {
      return re2;
    }
    try {
      Pattern.compile(regex.replace("(?P<", "(?<")); // Java spells RE2's named groups without the P
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      return Optional.of("error parsing regexp: " + e.getDescription() + ": `" + regex + "`");
    }
  }

  private static Optional<String> re2Only(String s) {
    int lastRepeat = -1; // start of the previous repetition operator, -1 when the last token was not one
    boolean operand = false; // whether a repetition operator has something to apply to
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int opEnd = repetitionEnd(s, i);
      if (opEnd > i) {
        if (lastRepeat >= 0) {
          return Optional.of("error parsing regexp: invalid nested repetition operator: `" + s.substring(lastRepeat, opEnd) + "`");
        }
        if (!operand) {
          return Optional.of("error parsing regexp: missing argument to repetition operator: `" + s.substring(i, opEnd) + "`");
        }
        if (opEnd < s.length() && s.charAt(opEnd) == '?') {
          opEnd++;
        }
        lastRepeat = i;
        i = opEnd;
        continue;
      }
      lastRepeat = -1;
      switch (c) {
        case '\\' -> {
          if (i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)) && s.charAt(i + 1) != '0') {
            return Optional.of("error parsing regexp: invalid escape sequence: `" + s.substring(i, i + 2) + "`");
          }
          i += 2;
          operand = true;
        }
        case '[' -> {
          i = classEnd(s, i);
          operand = true;
        }
        case '(' -> {
          for (String perl : new String[] {"(?=", "(?!", "(?<=", "(?<!", "(?>"}) {
            if (s.startsWith(perl, i)) {
              return Optional.of("error parsing regexp: invalid or unsupported Perl syntax: `" + perl + "`");
            }
          }
          i = groupStart(s, i);
          operand = false;
        }
        case '|' -> {
          i++;
          operand = false;
        }
        case '^', '$' -> {
          i++;
          operand = true;
        }
        default -> {
          i++;
          operand = true;
        }
      }
    }
    return Optional.empty();
  }

  /** The index after a group opening: {@code (}, {@code (?:}, {@code (?i)}, {@code (?P<name>} and the like. */
  private static int groupStart(String s, int open) {
    if (!s.startsWith("(?", open)) {
      return open + 1;
    }
    if (s.startsWith("(?P<", open)) {
      int close = s.indexOf('>', open);
      return close < 0 ? s.length() : close + 1;
    }
    int i = open + 2;
    while (i < s.length() && s.charAt(i) != ':' && s.charAt(i) != ')') {
      i++;
    }
    return Math.min(i + 1, s.length());
  }

  /** The end of a repetition operator starting at {@code i}, or {@code i} when there is none. */
  private static int repetitionEnd(String s, int i) {
    char c = s.charAt(i);
    if (c == '*' || c == '+' || c == '?') {
      return i + 1;
    }
    if (c == '{') {
      int close = s.indexOf('}', i);
      if (close > i && s.substring(i + 1, close).matches("\\d+(,\\d*)?")) {
        return close + 1;
      }
    }
    return i;
  }

  /** The index after the character class starting at {@code start}. */
  private static int classEnd(String s, int start) {
    int i = start + 1;
    if (i < s.length() && s.charAt(i) == '^') {
      i++;
    }
    if (i < s.length() && s.charAt(i) == ']') {
      i++;
    }
    while (i < s.length() && s.charAt(i) != ']') {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.startsWith("[:", i)) {
        int close = s.indexOf(":]", i + 2);
        if (close > 0) {
          i = close + 1;
        }
      }
      i++;
    }
    return i + 1;
  }
}
