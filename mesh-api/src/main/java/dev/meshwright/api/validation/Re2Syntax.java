package dev.meshwright.api.validation;

import java.util.Optional;
import java.util.Set;

/**
 * A single left-to-right scan of a regular expression that makes the same accept/reject decisions as
 * Go's {@code regexp/syntax} parser with Perl flags (what RE2 accepts), and reports Go's error codes.
 * It checks syntax only; nothing is compiled. One instance per expression; not thread-safe.
 */
final class Re2Syntax {
  private static final int MAX_REPEAT = 1000;
  private static final Set<String> POSIX_CLASSES = Set.of(
      "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space",
      "upper", "word", "xdigit");
  private static final Set<String> CATEGORIES = Set.of(
      "Any", "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd",
      "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp",
      "Zs");

  private final String s;
  private int pos;
  private int depth;
  /** Whether the last thing parsed can take a repetition operator (not start, '(' or '|'). */
  private boolean operand;
  /** Where the previous token, if it was a repetition operator, started; -1 otherwise. */
  private int lastRepeat = -1;

  private Re2Syntax(String s) {
    this.s = s;
  }

  private void parse() throws SyntaxError {
    while (pos < s.length()) {
      int repeatStart = -1;
      char c = s.charAt(pos);
      switch (c) {
        case '(' -> openGroup();
        case '|' -> {
          pos++;
          operand = false;
        }
        case ')' -> {
          if (depth == 0) {
            throw new SyntaxError("unexpected )", s.substring(pos));
          }
          depth--;
          pos++;
          operand = true;
        }
        case '[' -> {
          charClass();
          operand = true;
        }
        case '*', '+', '?' -> {
          repeatStart = pos;
          pos++;
          repeat(repeatStart);
        }
        case '{' -> {
          int end = repeatEnd(pos);
          if (end < 0) {
            pos++;
            operand = true;
          } else {
            repeatStart = pos;
            checkRepeatCount(pos, end);
            pos = end;
            repeat(repeatStart);
          }
        }
        case '\\' -> {
          escape(false);
          operand = true;
        }
        default -> {
          pos += Character.charCount(s.codePointAt(pos));
          operand = true;
        }
      }
      lastRepeat = repeatStart;
    }
    if (depth > 0) {
      throw new SyntaxError("missing closing )", s);
    }
  }

  private void repeat(int start) throws SyntaxError {
    if (pos < s.length() && s.charAt(pos) == '?') {
      pos++;
    }
    if (lastRepeat >= 0) {
      throw new SyntaxError("invalid nested repetition operator", s.substring(lastRepeat, pos));
    }
    if (!operand) {
      throw new SyntaxError("missing argument to repetition operator", s.substring(start, pos));
    }
  }

  /** The index after a well-formed {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code at}, or -1. */
  private int repeatEnd(int at) {
    int i = at + 1;
    int digits = skipDigits(i);
    if (digits == i) {
      return -1;
    }
    i = digits;
    if (i < s.length() && s.charAt(i) == ',') {
      i = skipDigits(i + 1);
    }
    return i < s.length() && s.charAt(i) == '}' ? i + 1 : -1;
  }

  private int skipDigits(int i) {
    while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
      i++;
    }
    return i;
  }

  private void checkRepeatCount(int at, int end) throws SyntaxError {
    String body = s.substring(at + 1, end - 1);
    int comma = body.indexOf(',');
    long min = number(comma < 0 ? body : body.substring(0, comma));
    long max = comma < 0 ? min : body.substring(comma + 1).isEmpty() ? -1 : number(body.substring(comma + 1));
    if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
      throw new SyntaxError("invalid repeat count", s.substring(at, end));
    }
  }

  private static long number(String digits) {
    return digits.length() > 8 ? Long.MAX_VALUE : Long.parseLong(digits);
  }

  private void openGroup() throws SyntaxError {
    int start = pos;
    boolean before = operand;
    pos++;
    operand = false;
    if (pos >= s.length() || s.charAt(pos) != '?') {
      depth++;
      return;
    }
    pos++;
    boolean named = s.startsWith("P<", pos) || s.startsWith("<", pos);
    if (named) {
      int nameStart = pos + (s.charAt(pos) == 'P' ? 2 : 1);
      int close = s.indexOf('>', nameStart);
      if (close < 0) {
        throw new SyntaxError("invalid named capture", s.substring(start));
      }
      String name = s.substring(nameStart, close);
      if (name.isEmpty() || !name.chars().allMatch(ch -> ch == '_' || Character.isLetterOrDigit(ch))) {
        throw new SyntaxError("invalid named capture", s.substring(start, close + 1));
      }
      pos = close + 1;
      depth++;
      return;
    }
    boolean negated = false;
    boolean sawFlag = false;
    while (pos < s.length()) {
      char c = s.charAt(pos++);
      switch (c) {
        case 'i', 'm', 's', 'U' -> sawFlag = true;
        case '-' -> {
          if (negated) {
            throw new SyntaxError("invalid or unsupported Perl syntax", s.substring(start, pos));
          }
          negated = true;
          sawFlag = false;
        }
        case ':', ')' -> {
          if (negated && !sawFlag) {
            throw new SyntaxError("invalid or unsupported Perl syntax", s.substring(start, pos));
          }
          if (c == ':') {
            depth++;
          } else {
            // A flags-only group such as (?i) adds nothing to repeat.
            operand = before;
          }
          return;
        }
        default -> throw new SyntaxError("invalid or unsupported Perl syntax", s.substring(start, pos));
      }
    }
    throw new SyntaxError("missing closing )", s.substring(start));
  }

  private void charClass() throws SyntaxError {
    int start = pos;
    pos++;
    if (pos < s.length() && s.charAt(pos) == '^') {
      pos++;
    }
    boolean first = true;
    while (pos < s.length() && (first || s.charAt(pos) != ']')) {
      first = false;
      if (s.startsWith("[:", pos)) {
        int close = s.indexOf(":]", pos + 2);
        if (close >= 0) {
          String name = s.substring(pos + 2, close);
          String bare = name.startsWith("^") ? name.substring(1) : name;
          if (!POSIX_CLASSES.contains(bare)) {
            throw new SyntaxError("invalid character class range", s.substring(pos, close + 2));
          }
          pos = close + 2;
          continue;
        }
      }
      if (s.charAt(pos) == '\\' && pos + 1 < s.length() && "dDsSwWpP".indexOf(s.charAt(pos + 1)) >= 0) {
        escape(true);
        continue;
      }
      int rangeStart = pos;
      int lo = classChar(start);
      if (pos + 1 < s.length() && s.charAt(pos) == '-' && s.charAt(pos + 1) != ']') {
        pos++;
        int hi = classChar(start);
        if (hi < lo) {
          throw new SyntaxError("invalid character class range", s.substring(rangeStart, pos));
        }
      }
    }
    if (pos >= s.length()) {
      throw new SyntaxError("missing closing ]", s.substring(start));
    }
    pos++;
  }

  /** One character of a class (a literal or an escape); returns its code point. */
  private int classChar(int classStart) throws SyntaxError {
    if (pos >= s.length()) {
      throw new SyntaxError("missing closing ]", s.substring(classStart));
    }
    if (s.charAt(pos) == '\\') {
      return escape(true);
    }
    int cp = s.codePointAt(pos);
    pos += Character.charCount(cp);
    return cp;
  }

  /**
   * Consumes an escape at {@code pos}; returns the literal code point it stands for, or -1 for a class
   * or assertion.
   */
  private int escape(boolean inClass) throws SyntaxError {
    int start = pos;
    pos++;
    if (pos >= s.length()) {
      throw new SyntaxError("trailing backslash at end of expression", "");
    }
    int c = s.codePointAt(pos);
    pos += Character.charCount(c);
    if (c < 128 && !Character.isLetterOrDigit(c)) {
      return c;
    }
    switch (c) {
      case 'd', 'D', 's', 'S', 'w', 'W' -> {
        return -1;
      }
      case 'p', 'P' -> {
        unicodeClass(start);
        return -1;
      }
      case 'a' -> {
        return 7;
      }
      case 'f' -> {
        return '\f';
      }
      case 'n' -> {
        return '\n';
      }
      case 'r' -> {
        return '\r';
      }
      case 't' -> {
        return '\t';
      }
      case 'v' -> {
        return 11;
      }
      case 'x' -> {
        return hexEscape(start);
      }
      case '0', '1', '2', '3', '4', '5', '6', '7' -> {
        boolean next = pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '7';
        if (c != '0' && !next) {
          break;
        }
        int value = c - '0';
        for (int i = 0; i < 2 && pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '7'; i++) {
          value = value * 8 + (s.charAt(pos++) - '0');
        }
        return value;
      }
      case 'A', 'z', 'b', 'B' -> {
        if (!inClass) {
          return -1;
        }
      }
      case 'Q' -> {
        if (!inClass) {
          int end = s.indexOf("\\E", pos);
          pos = end < 0 ? s.length() : end + 2;
          return -1;
        }
      }
      default -> {
        // falls through to the error below
      }
    }
    throw new SyntaxError("invalid escape sequence", s.substring(start, pos));
  }

  private int hexEscape(int start) throws SyntaxError {
    if (pos < s.length() && s.charAt(pos) == '{') {
      int close = s.indexOf('}', pos);
      String hex = close < 0 ? "" : s.substring(pos + 1, close);
      if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)
          || Long.parseLong(hex, 16) > Character.MAX_CODE_POINT) {
        throw new SyntaxError("invalid escape sequence", s.substring(start, close < 0 ? s.length() : close + 1));
      }
      pos = close + 1;
      return (int) Long.parseLong(hex, 16);
    }
    if (pos + 2 > s.length() || Character.digit(s.charAt(pos), 16) < 0 || Character.digit(s.charAt(pos + 1), 16) < 0) {
      throw new SyntaxError("invalid escape sequence", s.substring(start, Math.min(s.length(), pos + 2)));
    }
    int value = Integer.parseInt(s.substring(pos, pos + 2), 16);
    pos += 2;
    return value;
  }

  private void unicodeClass(int start) throws SyntaxError {
    String name;
    if (pos < s.length() && s.charAt(pos) == '{') {
      int close = s.indexOf('}', pos);
      if (close < 0) {
        throw new SyntaxError("invalid character class range", s.substring(start));
      }
      name = s.substring(pos + 1, close);
      pos = close + 1;
    } else if (pos < s.length()) {
      name = s.substring(pos, pos + Character.charCount(s.codePointAt(pos)));
      pos += name.length();
    } else {
      throw new SyntaxError("invalid character class range", s.substring(start));
    }
    String bare = name.startsWith("^") ? name.substring(1) : name;
    if (!CATEGORIES.contains(bare) && !isScript(bare)) {
      throw new SyntaxError("invalid character class range", s.substring(start, pos));
    }
  }

  private static boolean isScript(String name) {
    if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
      return false;
    }
    try {
      Character.UnicodeScript.forName(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Go's error for {@code re} ({@code <reason>: `<text>`}), or empty when RE2 accepts it. */
  static Optional<String> error(String re) {
    try {
      new Re2Syntax(re).parse();
      return Optional.empty();
    } catch (SyntaxError e) {
      return Optional.of(e.getMessage());
    }
  }

  private static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxError(String code, String text) {
      super(code + ": `" + text + "`", null, false, false);
    }
  }
}
