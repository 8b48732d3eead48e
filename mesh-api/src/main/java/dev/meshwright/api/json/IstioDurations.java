package dev.meshwright.api.json;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Istio reads and writes them: written as proto-JSON seconds ({@code 10s}, {@code 0.5s}),
 * read in that form or in Go's duration syntax ({@code 1m}, {@code 250ms}), which Istio's decoder accepts.
 */
public final class IstioDurations {
  private static final Pattern FORMAT = Pattern.compile("(-)?(\\d+)(?:\\.(\\d{1,9}))?s");
  private static final String GO_UNIT = "(ns|us|\u00b5s|\u03bcs|ms|s|m|h)";
  private static final Pattern GO_FORMAT =
      Pattern.compile("[-+]?(?:(?:\\d+\\.?\\d*|\\.\\d+)" + GO_UNIT + ")+");
  private static final Pattern GO_PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)" + GO_UNIT);

  private IstioDurations() {}

  /**
   * Parses {@code text}: proto-JSON seconds ({@code 1.5s}) or Go's duration syntax, which Istio also
   * accepts ({@code 1m30s}, {@code 250ms}, {@code 1h}; units ns, us, µs, ms, s, m, h).
   *
   * @throws IllegalArgumentException with Istio's wording when the text is not a duration
   */
  public static Duration parse(String text) {
    String s = text.trim();
    Matcher m = FORMAT.matcher(s);
    if (m.matches()) {
      return fromSeconds(m, text);
    }
    return parseGo(s, text);
  }

  private static Duration fromSeconds(Matcher m, String text) {
    long seconds;
    try {
      seconds = Long.parseLong(m.group(2));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad Duration: \"" + text + "\" is out of range", e);
    }
    String frac = m.group(3) == null ? "" : m.group(3);
    long nanos = frac.isEmpty() ? 0 : Long.parseLong((frac + "000000000").substring(0, 9));
    Duration d = Duration.ofSeconds(seconds, nanos);
    return m.group(1) != null ? d.negated() : d;
  }

  private static Duration parseGo(String s, String original) {
    Matcher whole = GO_FORMAT.matcher(s);
    if (s.isEmpty() || !whole.matches()) {
      throw new IllegalArgumentException("bad Duration: time: invalid duration \"" + original + "\"");
    }
    boolean negative = s.startsWith("-");
    Matcher part = GO_PART.matcher(s);
    Duration total = Duration.ZERO;
    try {
      while (part.find()) {
        total = total.plus(partDuration(part.group(1), unitNanos(part.group(2))));
      }
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("bad Duration: time: invalid duration \"" + original + "\"", e);
    }
    return negative ? total.negated() : total;
  }

  /** {@code number} (digits with an optional fraction) times {@code unit} nanoseconds, in exact long arithmetic. */
  private static Duration partDuration(String number, long unit) {
    int dot = number.indexOf('.');
    String whole = dot < 0 ? number : number.substring(0, dot);
    String frac = dot < 0 ? "" : number.substring(dot + 1);
    Duration d = whole.isEmpty() ? Duration.ZERO : Duration.ofNanos(unit).multipliedBy(Long.parseLong(whole));
    if (!frac.isEmpty()) {
      // Go keeps the fraction only to nanosecond precision; so do we.
      String digits = frac.length() > 18 ? frac.substring(0, 18) : frac;
      long scale = 1;
      for (int i = 0; i < digits.length(); i++) {
        scale *= 10;
      }
      long fracValue = Long.parseLong(digits);
      long nanos;
      try {
        nanos = Math.multiplyExact(fracValue, unit) / scale;
      } catch (ArithmeticException overflow) {
        nanos = java.math.BigInteger.valueOf(fracValue).multiply(java.math.BigInteger.valueOf(unit))
            .divide(java.math.BigInteger.valueOf(scale)).longValueExact();
      }
      d = d.plusNanos(nanos);
    }
    return d;
  }

  private static long unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "\u00b5s", "\u03bcs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      default -> 3_600_000_000_000L; // h
    };
  }

  /** Formats {@code d} the way Istio writes it: whole seconds as {@code 10s}, fractions trimmed ({@code 0.5s}). */
  public static String format(Duration d) {
    BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    return seconds.stripTrailingZeros().toPlainString() + "s";
  }
}
