package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A port of a {@link ServiceEntry} ({@code istio.networking.v1alpha3.ServicePort}): the number clients
 * connect to, the protocol spoken on it, a name unique within the entry and, optionally, the port the
 * endpoints listen on. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableServicePort.class)
@JsonDeserialize(as = ImmutableServicePort.class)
public interface ServicePort {
  /** The port number (required). */
  Optional<Integer> number();

  /**
   * The protocol, case-insensitive: HTTP, HTTPS, GRPC, GRPC-Web, HTTP2, HTTP_PROXY, MONGO, MYSQL, REDIS,
   * TCP, TLS or UDP; unset means the proxy sniffs it.
   */
  Optional<String> protocol();

  /** The port name (required), a DNS-1123 label unique within the entry. */
  Optional<String> name();

  /** The port on the endpoints traffic is sent to; defaults to {@link #number()}. */
  Optional<Integer> targetPort();

  /** A port with a number, protocol and name. */
  static ServicePort of(int number, String protocol, String name) {
    return builder().number(number).protocol(protocol).name(name).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ServicePort}. */
  final class Builder extends ImmutableServicePort.Builder {}
}
