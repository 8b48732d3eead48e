package dev.meshwright.model.analysis;

import java.util.Collection;
import java.util.List;

/**
 * The subset of Go's {@code fmt.Sprintf} that Istio's message templates use: {@code %s}, {@code %v},
 * {@code %q}, {@code %d} and {@code %%}. Collections print as Go prints slices ({@code [a b]}), {@code %q}
 * quotes strings as Go does (and each element of a slice). Missing arguments print as Go's
 * {@code %!v(MISSING)}. Stateless.
 */
final class GoFormat {
  private GoFormat() {}

  static String sprintf(String template, List<?> args) {
    StringBuilder out = new StringBuilder(template.length() + 32);
    int next = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '%' || i + 1 >= template.length()) {
        out.append(c);
        continue;
      }
      char verb = template.charAt(++i);
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (next >= args.size()) {
        out.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      out.append(format(verb, args.get(next++)));
    }
    return out.toString();
  }

  private static String format(char verb, Object arg) {
    if (arg instanceof Collection<?> items) {
      StringBuilder b = new StringBuilder("[");
      boolean first = true;
      for (Object item : items) {
        if (!first) {
          b.append(' ');
        }
        first = false;
        b.append(format(verb, item));
      }
      return b.append(']').toString();
    }
    if (verb == 'q') {
      return arg instanceof Number ? quoteRune(((Number) arg).intValue()) : quote(String.valueOf(arg));
    }
    return String.valueOf(arg);
  }

  /** Go's {@code strconv.Quote}: double quotes, backslash escapes for quotes, backslashes and controls. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static String quoteRune(int r) {
    return "'" + new String(Character.toChars(r)) + "'";
  }
}
