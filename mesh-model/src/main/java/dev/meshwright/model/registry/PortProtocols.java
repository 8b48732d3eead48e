package dev.meshwright.model.registry;

import dev.meshwright.api.validation.Protocol;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Istio's rules for the protocol of a port. For a Kubernetes Service port: UDP ports are UDP; otherwise
 * {@code appProtocol} when set ({@code kubernetes.io/h2c} is HTTP2), else the port name; a name starting with
 * {@code grpc-web} is gRPC-Web, otherwise the part before the first {@code -} is parsed; an unknown name on
 * a well-known port (25, 53, 3306, 27017) is TCP, and anything else is {@link Protocol#UNSUPPORTED}, which
 * means "auto-detect" (the proxy sniffs it). Stateless and thread-safe.
 */
public final class PortProtocols {
  private static final Set<Integer> WELL_KNOWN_TCP = Set.of(25, 53, 3306, 27017);
  private static final String GRPC_WEB = "grpc-web";

  private PortProtocols() {}

  /**
   * The protocol of a Kubernetes Service port.
   *
   * @param port the port number
   * @param name the port name, may be empty
   * @param transport the Kubernetes protocol ({@code TCP}, {@code UDP}, {@code SCTP}), may be empty
   * @param appProtocol the {@code appProtocol} field, if set
   */
  public static Protocol ofKubernetesPort(int port, String name, String transport, Optional<String> appProtocol) {
    if ("UDP".equals(transport)) {
      return Protocol.UDP;
    }
    String candidate = name;
    if (appProtocol.isPresent()) {
      candidate = appProtocol.get();
      if (candidate.equals("kubernetes.io/h2c")) {
        return Protocol.HTTP2;
      }
    }
    if (candidate.length() >= GRPC_WEB.length()
        && candidate.substring(0, GRPC_WEB.length()).toLowerCase(Locale.ROOT).equals(GRPC_WEB)) {
      return Protocol.GRPC_WEB;
    }
    int dash = candidate.indexOf('-');
    String prefix = dash >= 0 ? candidate.substring(0, dash) : candidate;
    Protocol p = Protocol.parse(prefix);
    if (p == Protocol.UNSUPPORTED && WELL_KNOWN_TCP.contains(port)) {
      return Protocol.TCP;
    }
    return p;
  }

  /** The protocol of a ServiceEntry or Sidecar port: its {@code protocol} field, parsed; empty means auto-detect. */
  public static Protocol ofIstioPort(Optional<String> protocol) {
    return protocol.map(Protocol::parse).orElse(Protocol.UNSUPPORTED);
  }
}
