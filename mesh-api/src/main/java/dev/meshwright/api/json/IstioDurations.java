package dev.meshwright.api.json;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The proto-JSON duration format Istio reads and writes: seconds with up to nine fractional digits and
 * an {@code s} suffix ({@code 10s}, {@code 0.5s}, {@code -1.000000001s}). Like Istio's JSON decoder, reading
 * also accepts Go's duration syntax ({@code 3m}, {@code 8ms}, {@code 1h30m}).
 */
public final class IstioDurations {
  private static final Pattern FORMAT = Pattern.compile("(-)?(\\d+)(?:\\.(\\d{1,9}))?s");
  private static final Pattern GO_FORMAT =
      Pattern.compile("[-+]?(?:0|(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)");
  private static final Pattern GO_PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)");

  private IstioDurations() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException with Istio's wording when the text is not a duration
   */
  public static Duration parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches() && GO_FORMAT.matcher(text.trim()).matches()) {
      return parseGo(text.trim());
    }
    if (!m.matches()) {
      throw new IllegalArgumentException("bad Duration: \"" + text + "\" (want seconds with an s suffix, e.g. 10s or 0.5s)");
    }
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

  /** Go's {@code time.ParseDuration} syntax: a sign, then number-unit pairs (or a bare {@code 0}). */
  private static Duration parseGo(String text) {
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher part = GO_PART.matcher(text);
    while (part.find()) {
      long unit = switch (part.group(2)) {
        case "ns" -> 1L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        case "h" -> 3_600_000_000_000L;
        default -> 1_000L; // us, \u00b5s, \u03bcs
      };
      String number = part.group(1).endsWith(".") ? part.group(1) + "0" : part.group(1);
      nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
    }
    Duration d = Duration.ofNanos(nanos.longValue());
    return text.startsWith("-") ? d.negated() : d;
  }

  /** Formats {@code d} the way Istio writes it: whole seconds as {@code 10s}, fractions trimmed ({@code 0.5s}). */
  public static String format(Duration d) {
    BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    return seconds.stripTrailingZeros().toPlainString() + "s";
  }
}
