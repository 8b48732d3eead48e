package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A Zipkin tracing provider. Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableZipkinTracingProvider.class)
@JsonDeserialize(as = ImmutableZipkinTracingProvider.class)
public interface ZipkinTracingProvider {
  /** The provider's service, as {@code [namespace/]hostname}. */
  Optional<String> service();

  /** The service port. */
  Optional<Integer> port();

  /** Longest tag value. */
  Optional<Integer> maxTagLength();

  /** Uses 64-bit instead of 128-bit trace ids. */
  Optional<Boolean> enable64bitTraceId();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ZipkinTracingProvider}. */
  final class Builder extends ImmutableZipkinTracingProvider.Builder {}
}
