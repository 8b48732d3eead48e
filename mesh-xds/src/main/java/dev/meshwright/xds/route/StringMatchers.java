package dev.meshwright.xds.route;

import dev.meshwright.api.networking.StringMatch;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.Optional;

/** Istio {@code StringMatch} to Envoy {@code StringMatcher}, and the "any value" test. Stateless. */
final class StringMatchers {
  private StringMatchers() {}

  /** The Envoy matcher, empty for a match with no kind set. */
  static Optional<StringMatcher> of(StringMatch in) {
    if (in instanceof StringMatch.Exact e) {
      return Optional.of(StringMatcher.newBuilder().setExact(e.value()).build());
    }
    if (in instanceof StringMatch.Prefix p) {
      return Optional.of(StringMatcher.newBuilder().setPrefix(p.value()).build());
    }
    if (in instanceof StringMatch.Regex r) {
      return Optional.of(StringMatcher.newBuilder().setSafeRegex(regex(r.value())).build());
    }
    return Optional.empty();
  }

  static RegexMatcher regex(String pattern) {
    return RegexMatcher.newBuilder().setRegex(pattern).build();
  }

  /**
   * Whether the match means "present with any value": no kind set, or the regex {@code *} (which is not RE2 and
   * Istio reads as presence).
   */
  static boolean isPresence(StringMatch in) {
    return in == null || in instanceof StringMatch.Empty || (in instanceof StringMatch.Regex r && r.value().equals("*"));
  }
}
