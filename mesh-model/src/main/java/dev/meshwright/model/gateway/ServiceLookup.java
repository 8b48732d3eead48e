package dev.meshwright.model.gateway;

import java.util.List;
import java.util.Objects;

/**
 * The services the conversion may reference, by hostname: backends of routes and the Service behind each
 * Gateway. Implementations must be safe to call from the translating thread; the translator never mutates
 * what they return.
 */
@FunctionalInterface
public interface ServiceLookup {
  /** Every service registered under {@code hostname}, in any namespace (empty when there is none). */
  List<ServiceInfo> byHostname(String hostname);

  /** A lookup that knows no services. */
  static ServiceLookup none() {
    return host -> List.of();
  }

  /** A lookup over a fixed list of services. */
  static ServiceLookup of(List<ServiceInfo> services) {
    List<ServiceInfo> copy = List.copyOf(services);
    return host -> copy.stream().filter(s -> s.hostname().equals(host)).toList();
  }

  /** The service in {@code namespace} with {@code hostname}, or null. */
  default ServiceInfo find(String hostname, String namespace) {
    for (ServiceInfo s : byHostname(hostname)) {
      if (s.namespace().equals(namespace)) {
        return s;
      }
    }
    return null;
  }

  /** How the service is exposed; only a load balancer without an address yet makes a Gateway wait. */
  enum ServiceType {
    /** A cluster-internal service. */
    CLUSTER_IP,
    /** A service that gets an external load balancer address. */
    LOAD_BALANCER
  }

  /**
   * One service as the conversion sees it.
   *
   * @param hostname the fully qualified hostname
   * @param namespace the namespace it lives in
   * @param ports its ports with the endpoints behind each
   * @param addresses its cluster-internal addresses (VIPs)
   * @param externalAddresses load balancer addresses, reported first in Gateway status
   * @param type how the service is exposed
   */
  record ServiceInfo(String hostname, String namespace, List<PortInfo> ports, List<String> addresses,
      List<String> externalAddresses, ServiceType type) {
    public ServiceInfo {
      Objects.requireNonNull(hostname, "hostname");
      Objects.requireNonNull(namespace, "namespace");
      ports = List.copyOf(ports);
      addresses = List.copyOf(addresses);
      externalAddresses = List.copyOf(externalAddresses);
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * One service port.
   *
   * @param name the port name
   * @param port the service port number
   * @param protocol the protocol (HTTP, TCP...)
   * @param endpointPorts the target port of each endpoint behind it (0 when the endpoint does not say);
   *     empty when the port has no endpoints
   */
  record PortInfo(String name, int port, String protocol, List<Integer> endpointPorts) {
    public PortInfo {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(protocol, "protocol");
      endpointPorts = List.copyOf(endpointPorts);
    }
  }
}
