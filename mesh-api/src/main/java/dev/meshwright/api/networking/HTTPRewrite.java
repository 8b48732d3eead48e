package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Rewrites the path and/or authority of a request before it is forwarded
 * ({@code istio.networking.v1alpha3.HTTPRewrite}). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableHTTPRewrite.class)
@JsonDeserialize(as = ImmutableHTTPRewrite.class)
public interface HTTPRewrite {
  /** Replaces the matched path or prefix. */
  Optional<String> uri();

  /** Replaces the authority (Host) header. */
  Optional<String> authority();

  /** Rewrites the path with a regex substitution; excludes {@link #uri()}. */
  Optional<RegexRewrite> uriRegexRewrite();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link HTTPRewrite}. */
  final class Builder extends ImmutableHTTPRewrite.Builder {}
}
