package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A listener port of a Gateway server or a Sidecar listener ({@code istio.networking.v1alpha3.Port}; Sidecar's
 * {@code SidecarPort} has the same fields). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePort.class)
@JsonDeserialize(as = ImmutablePort.class)
public interface Port {
  /** The port number; 0 only together with a {@code unix://} bind. */
  Optional<Integer> number();

  /** The protocol: HTTP, HTTPS, GRPC, GRPC-WEB, HTTP2, MONGO, MYSQL, REDIS, TCP, TLS or HTTP_PROXY (any case). */
  Optional<String> protocol();

  /** The port's name; required on Gateway servers, optional on Sidecar listeners. */
  Optional<String> name();

  /** Deprecated and ignored by Gateways and Sidecars (validation rejects it). */
  Optional<Integer> targetPort();

  /** A port with a number, protocol and name. */
  static Port of(int number, String protocol, String name) {
    return builder().number(number).protocol(protocol).name(name).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Port}. */
  final class Builder extends ImmutablePort.Builder {}
}
