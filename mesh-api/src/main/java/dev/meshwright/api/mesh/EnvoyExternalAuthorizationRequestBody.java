package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Whether and how the request body is sent to an ext_authz server. Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyExternalAuthorizationRequestBody.class)
@JsonDeserialize(as = ImmutableEnvoyExternalAuthorizationRequestBody.class)
public interface EnvoyExternalAuthorizationRequestBody {
  /** Largest body buffered. */
  Optional<Integer> maxRequestBytes();

  /** Sends a partial body when larger than the limit. */
  Optional<Boolean> allowPartialMessage();

  /** Sends the body as raw bytes. */
  Optional<Boolean> packAsBytes();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyExternalAuthorizationRequestBody}. */
  final class Builder extends ImmutableEnvoyExternalAuthorizationRequestBody.Builder {}
}
