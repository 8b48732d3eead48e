package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities in canonical form, as Go's serializer writes them: {@code 2000m} is {@code 2},
 * {@code 1024Mi} is {@code 1Gi}, {@code 1000M} is {@code 1G}. Text that is not a quantity is returned unchanged.
 * Stateless.
 */
public final class Quantities {
  private static final Pattern QUANTITY = Pattern.compile("^([+-]?[0-9.]+)([a-zA-Z]*)$");
  private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final String[] DECIMAL = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};

  private Quantities() {}

  /** The canonical form of one quantity. */
  public static String canonical(String text) {
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
    if (number.signum() == 0) {
      return "0";
    }
    int binary = index(BINARY, suffix);
    if (binary >= 0 && !suffix.isEmpty()) {
      BigDecimal value = number.multiply(BigDecimal.valueOf(1024).pow(binary));
      if (value.stripTrailingZeros().scale() > 0) {
        return text;
      }
      BigInteger v = value.toBigIntegerExact();
      int exp = 0;
      BigInteger k = BigInteger.valueOf(1024);
      while (exp < BINARY.length - 1 && v.signum() != 0 && v.mod(k).signum() == 0) {
        v = v.divide(k);
        exp++;
      }
      return v + BINARY[exp];
    }
    int decimal = index(DECIMAL, suffix);
    if (decimal < 0) {
      return text;
    }
    // value in nano units
    BigDecimal nanos = number.scaleByPowerOfTen(3 * decimal);
    if (nanos.stripTrailingZeros().scale() > 0) {
      return text;
    }
    BigInteger v = nanos.toBigIntegerExact();
    int exp = 0;
    BigInteger k = BigInteger.valueOf(1000);
    while (exp < DECIMAL.length - 1 && v.signum() != 0 && v.mod(k).signum() == 0) {
      v = v.divide(k);
      exp++;
    }
    return v + DECIMAL[exp];
  }

  /** Canonicalises every quantity of a {@code resources} block in place ({@code limits}, {@code requests}). */
  static void canonicalizeResources(JsonNode resources) {
    if (!(resources instanceof ObjectNode r)) {
      return;
    }
    for (String key : new String[] {"limits", "requests"}) {
      if (r.get(key) instanceof ObjectNode block) {
        for (Map.Entry<String, JsonNode> e : block.properties()) {
          if (e.getValue().isValueNode() && !e.getValue().isNull()) {
            block.put(e.getKey(), canonical(e.getValue().asText()));
          }
        }
      }
    }
  }

  private static int index(String[] suffixes, String suffix) {
    for (int i = 0; i < suffixes.length; i++) {
      if (suffixes[i].equals(suffix)) {
        return i;
      }
    }
    return -1;
  }
}
