package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.networking.ClientTLSSettings;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/** An external certificate authority ({@code MeshConfig.CA}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableCA.class)
@JsonDeserialize(as = ImmutableCA.class)
public interface CA {
  /** {@code host:port} of the CA. */
  Optional<String> address();

  /** TLS settings towards the server. */
  Optional<ClientTLSSettings> tlsSettings();

  /** Timeout of one signing request. */
  Optional<Duration> requestTimeout();

  /** Whether istiod, rather than the agent, talks to the CA. */
  Optional<Boolean> istiodSide();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CA}. */
  final class Builder extends ImmutableCA.Builder {}
}
