package dev.meshwright.conformance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Canonical Kubernetes quantities for comparing goldens ({@code 2000m} = {@code 2}, {@code 1024Mi} = {@code 1Gi}). */
final class Quantity {
  private static final Pattern QUANTITY = Pattern.compile("^([+-]?[0-9.]+)([a-zA-Z]*)$");
  private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final String[] DECIMAL = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};

  private Quantity() {}

  static String canonical(String text) {
    Matcher m = QUANTITY.matcher(text.trim());
    if (!m.matches()) {
      return text;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(m.group(1));
    } catch (NumberFormatException e) {
      return text;
    }
    String suffix = m.group(2);
    String[] table = suffix.endsWith("i") ? BINARY : DECIMAL;
    int at = -1;
    for (int i = 0; i < table.length; i++) {
      if (table[i].equals(suffix)) {
        at = i;
      }
    }
    if (at < 0) {
      return text;
    }
    boolean binary = table == BINARY;
    BigDecimal base = BigDecimal.valueOf(binary ? 1024 : 1000);
    BigDecimal units = binary ? number.multiply(base.pow(at)) : number.scaleByPowerOfTen(3 * at);
    if (units.stripTrailingZeros().scale() > 0) {
      return text;
    }
    BigInteger v = units.toBigIntegerExact();
    BigInteger k = base.toBigInteger();
    int exp = 0;
    while (exp < table.length - 1 && v.signum() != 0 && v.mod(k).signum() == 0) {
      v = v.divide(k);
      exp++;
    }
    return v + table[exp];
  }
}
