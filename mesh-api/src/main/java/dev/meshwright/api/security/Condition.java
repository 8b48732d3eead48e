package dev.meshwright.api.security;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A condition on one request attribute ({@code istio.security.v1beta1.Condition}), e.g. key
 * {@code request.headers[version]} with values {@code ["v1"]}. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCondition.class)
@JsonDeserialize(as = ImmutableCondition.class)
public interface Condition {
  /** The attribute name ({@code source.ip}, {@code request.auth.claims[iss]}, ...); required. */
  Optional<String> key();

  /** Values of which one must match. */
  List<String> values();

  /** Values none of which may match. */
  List<String> notValues();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Condition}. */
  final class Builder extends ImmutableCondition.Builder {}
}
