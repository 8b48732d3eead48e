package dev.meshwright.api.validation;

import java.util.Optional;

/**
 * RE2 syntax checks, as Envoy and Istio (Go's {@code regexp}) accept regular expressions. Java's
 * {@link java.util.regex.Pattern} accepts more (lookaround, backreferences, possessive quantifiers,
 * atomic groups) and less (a literal {@code {}), so it cannot be used to decide. Errors use Go's wording:
 * {@code error parsing regexp: <reason>: `<text>`}. Stateless.
 */
public final class Regexes {
  /** Longest regex Istio accepts; Envoy limits the compiled program size, which length approximates. */
  public static final int MAX_LENGTH = 1024;

  private Regexes() {}

  /** Go's parse error for {@code re}, or empty when RE2 accepts it. Does not check the length. */
  public static Optional<String> re2Error(String re) {
    return Re2Syntax.error(re).map(e -> "error parsing regexp: " + e);
  }

  /**
   * Istio's full regex check for a field named {@code where}: at most {@value #MAX_LENGTH} characters and
   * RE2 syntax. The message starts with {@code "where": }.
   */
  public static Optional<String> check(String re, String where) {
    if (re.length() > MAX_LENGTH) {
      return Optional.of(Checks.quote(where) + ": regex is too large, max length allowed is " + MAX_LENGTH);
    }
    return re2Error(re).map(e -> Checks.quote(where) + ": " + e
        + "; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)");
  }
}
