package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.networking.ClientTLSSettings;
import dev.meshwright.api.networking.TcpKeepalive;
import java.util.Optional;
import org.immutables.value.Value;

/** A remote gRPC service the proxy streams to ({@code istio.mesh.v1alpha1.RemoteService}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableRemoteService.class)
@JsonDeserialize(as = ImmutableRemoteService.class)
public interface RemoteService {
  /** {@code host:port} of the service. */
  Optional<String> address();

  /** TLS settings towards the server. */
  Optional<ClientTLSSettings> tlsSettings();

  /** Keepalive on the connection. */
  Optional<TcpKeepalive> tcpKeepalive();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RemoteService}. */
  final class Builder extends ImmutableRemoteService.Builder {}
}
