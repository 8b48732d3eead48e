package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A Datadog tracing provider. Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableDatadogTracingProvider.class)
@JsonDeserialize(as = ImmutableDatadogTracingProvider.class)
public interface DatadogTracingProvider {
  /** The provider's service, as {@code [namespace/]hostname}. */
  Optional<String> service();

  /** The service port. */
  Optional<Integer> port();

  /** Longest tag value. */
  Optional<Integer> maxTagLength();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DatadogTracingProvider}. */
  final class Builder extends ImmutableDatadogTracingProvider.Builder {}
}
