package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An inbound listener of a sidecar: which port it accepts and where it forwards
 * ({@code istio.networking.v1alpha3.IstioIngressListener}). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableIstioIngressListener.class)
@JsonDeserialize(as = ImmutableIstioIngressListener.class)
public interface IstioIngressListener {
  /** The port traffic arrives on; required. */
  Optional<Port> port();

  /** The IP address to bind to. */
  Optional<String> bind();

  Optional<CaptureMode> captureMode();

  /** Where traffic is forwarded: {@code 127.0.0.1:port}, {@code [::1]:port}, {@code 0.0.0.0:port} or {@code unix://path}. */
  Optional<String> defaultEndpoint();

  /** TLS termination for this port. */
  Optional<ServerTLSSettings> tls();

  /** Connection limits for this port, replacing the Sidecar's inboundConnectionPool. */
  Optional<ConnectionPoolSettings> connectionPool();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link IstioIngressListener}. */
  final class Builder extends ImmutableIstioIngressListener.Builder {}
}
