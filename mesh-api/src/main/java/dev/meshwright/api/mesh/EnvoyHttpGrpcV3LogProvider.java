package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** HTTP access logs streamed to a gRPC access log service. Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyHttpGrpcV3LogProvider.class)
@JsonDeserialize(as = ImmutableEnvoyHttpGrpcV3LogProvider.class)
public interface EnvoyHttpGrpcV3LogProvider {
  /** The provider's service, as {@code [namespace/]hostname}. */
  Optional<String> service();

  /** The service port. */
  Optional<Integer> port();

  /** Log name sent to the service. */
  Optional<String> logName();

  /** Filter state keys logged. */
  List<String> filterStateObjectsToLog();

  /** Extra request headers. */
  List<String> additionalRequestHeadersToLog();

  /** Extra response headers. */
  List<String> additionalResponseHeadersToLog();

  /** Extra response trailers. */
  List<String> additionalResponseTrailersToLog();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyHttpGrpcV3LogProvider}. */
  final class Builder extends ImmutableEnvoyHttpGrpcV3LogProvider.Builder {}
}
