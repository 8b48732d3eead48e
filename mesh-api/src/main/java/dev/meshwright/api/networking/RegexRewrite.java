package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A regex substitution on the request path ({@code istio.networking.v1alpha3.RegexRewrite}): RE2
 * {@link #match()} and a {@link #rewrite()} that may use {@code \1}-style group references. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRegexRewrite.class)
@JsonDeserialize(as = ImmutableRegexRewrite.class)
public interface RegexRewrite {
  /** The RE2 pattern. */
  Optional<String> match();

  /** The replacement. */
  Optional<String> rewrite();

  static RegexRewrite of(String match, String rewrite) {
    return builder().match(match).rewrite(rewrite).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RegexRewrite}. */
  final class Builder extends ImmutableRegexRewrite.Builder {}
}
