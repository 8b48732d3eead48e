package dev.meshwright.api.security;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One rule of an {@link AuthorizationPolicy} ({@code istio.security.v1beta1.Rule}): a request matches when
 * it matches any {@code from}, any {@code to} and every {@code when} (absent parts match everything).
 * Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRule.class)
@JsonDeserialize(as = ImmutableRule.class)
@SuppressWarnings("immutables:from")
public interface Rule {
  /** Who the request comes from. */
  List<From> from();

  /** What the request asks for. */
  List<To> to();

  /** Further conditions on request attributes. */
  List<Condition> when();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Rule}. */
  final class Builder extends ImmutableRule.Builder {}

  /** A request source of a rule ({@code Rule.From}). Immutable. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableFrom.class)
  @JsonDeserialize(as = ImmutableFrom.class)
  interface From {
    /** The source attributes; required. */
    Optional<Source> source();

    /** A {@code from} entry for {@code source}. */
    static From of(Source source) {
      return builder().source(source).build();
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link From}. */
    final class Builder extends ImmutableFrom.Builder {}
  }

  /** A request operation of a rule ({@code Rule.To}). Immutable. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableTo.class)
  @JsonDeserialize(as = ImmutableTo.class)
  interface To {
    /** The operation attributes; required. */
    Optional<Operation> operation();

    /** A {@code to} entry for {@code operation}. */
    static To of(Operation operation) {
      return builder().operation(operation).build();
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link To}. */
    final class Builder extends ImmutableTo.Builder {}
  }
}
