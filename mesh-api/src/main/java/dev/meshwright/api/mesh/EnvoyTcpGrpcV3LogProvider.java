package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** TCP access logs streamed to a gRPC access log service. Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyTcpGrpcV3LogProvider.class)
@JsonDeserialize(as = ImmutableEnvoyTcpGrpcV3LogProvider.class)
public interface EnvoyTcpGrpcV3LogProvider {
  /** The provider's service, as {@code [namespace/]hostname}. */
  Optional<String> service();

  /** The service port. */
  Optional<Integer> port();

  /** Log name sent to the service. */
  Optional<String> logName();

  /** Filter state keys logged. */
  List<String> filterStateObjectsToLog();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyTcpGrpcV3LogProvider}. */
  final class Builder extends ImmutableEnvoyTcpGrpcV3LogProvider.Builder {}
}
