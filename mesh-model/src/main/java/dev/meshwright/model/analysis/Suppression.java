package dev.meshwright.model.analysis;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@code -S CODE=Kind name.namespace} suppression: drops messages with that code whose origin's friendly
 * name matches the glob ({@code *} matches any run of characters). Immutable.
 *
 * @param code the message code
 * @param resourceGlob the resource pattern as given
 */
public record Suppression(String code, String resourceGlob) {
  public Suppression {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(resourceGlob, "resourceGlob");
  }

  /**
   * Parses {@code CODE=RESOURCE}.
   *
   * @throws IllegalArgumentException when there is not exactly one {@code =}
   */
  public static Suppression parse(String text) {
    String[] parts = text.split("=", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(text + " is not a valid suppression value (use CODE=Kind name.namespace)");
    }
    return new Suppression(parts[0], parts[1]);
  }

  /** Whether this suppression drops {@code message}. */
  public boolean matches(AnalysisMessage message) {
    return message.origin().isPresent() && message.code().equals(code)
        && globMatches(resourceGlob, message.originName());
  }

  static boolean globMatches(String glob, String text) {
    String regex = String.join(".*", quoteParts(glob));
    return Pattern.compile(regex, Pattern.DOTALL).matcher(text).matches();
  }

  private static String[] quoteParts(String glob) {
    String[] parts = glob.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].isEmpty() ? "" : Pattern.quote(parts[i]);
    }
    return parts;
  }
}
