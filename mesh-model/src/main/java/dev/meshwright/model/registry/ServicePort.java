package dev.meshwright.model.registry;

import dev.meshwright.api.validation.Protocol;
import java.util.Objects;

/**
 * One port of a mesh service. Immutable.
 *
 * @param name the port name (may be empty for a single unnamed Kubernetes port)
 * @param port the service port number
 * @param targetPort the port on the endpoints when known and numeric, else 0 (endpoints say)
 * @param protocol the protocol by Istio's rules; {@link Protocol#UNSUPPORTED} means auto-detect
 */
public record ServicePort(String name, int port, int targetPort, Protocol protocol) {
  public ServicePort {
    name = Objects.requireNonNullElse(name, "");
    Objects.requireNonNull(protocol, "protocol");
  }

  /** Whether the proxy sniffs the protocol of this port. */
  public boolean autoDetect() {
    return protocol == Protocol.UNSUPPORTED;
  }
}
