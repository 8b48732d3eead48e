package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One listener of a {@link Gateway}: port, hosts and TLS ({@code istio.networking.v1alpha3.Server}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableServer.class)
@JsonDeserialize(as = ImmutableServer.class)
public interface Server {
  /** The port the proxy listens on. */
  Optional<Port> port();

  /** The IP address or {@code unix://} socket to bind to; all addresses when absent. */
  Optional<String> bind();

  /** Hosts exposed, as {@code host} or {@code namespace/host} (namespace may be {@code *} or {@code .}). */
  List<String> hosts();

  /** TLS termination settings. */
  Optional<ServerTLSSettings> tls();

  /** Where traffic goes by default (loopback or unix socket); reserved. */
  Optional<String> defaultEndpoint();

  /** An optional name for the server, used in metrics and listener names. */
  Optional<String> name();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Server}. */
  final class Builder extends ImmutableServer.Builder {}
}
