package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** An OpenCensus agent tracing provider (deprecated). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableOpenCensusAgentTracingProvider.class)
@JsonDeserialize(as = ImmutableOpenCensusAgentTracingProvider.class)
public interface OpenCensusAgentTracingProvider {
  /** The provider's service, as {@code [namespace/]hostname}. */
  Optional<String> service();

  /** The service port. */
  Optional<Integer> port();

  /** Propagation formats. */
  List<TraceContext> context();

  /** Longest tag value. */
  Optional<Integer> maxTagLength();

  /** Trace context propagation formats. */
  enum TraceContext {
    UNSPECIFIED,
    W3C_TRACE_CONTEXT,
    GRPC_BIN,
    CLOUD_TRACE_CONTEXT,
    B3
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link OpenCensusAgentTracingProvider}. */
  final class Builder extends ImmutableOpenCensusAgentTracingProvider.Builder {}
}
