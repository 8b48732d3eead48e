package dev.meshwright.model.registry;

import java.util.Map;
import java.util.Objects;

/**
 * One endpoint of a mesh service: an address with the port it serves each service port on, and what the
 * mesh knows about the workload behind it. Immutable.
 *
 * @param hostname the service this endpoint belongs to
 * @param serviceNamespace the namespace of that service
 * @param address the IP address (or, for DNS services, a host name)
 * @param ports service port name → port on this endpoint
 * @param labels the workload's labels (with Istio's topology labels added)
 * @param locality {@code region/zone/subzone}, empty when unknown
 * @param serviceAccount the SPIFFE identity, empty when unknown
 * @param tlsMode the {@code security.istio.io/tlsMode} value: {@code istio} or {@code disabled}
 * @param network the network, empty for the default one
 * @param health the health
 * @param weight the load-balancing weight (1 unless a WorkloadEntry says otherwise)
 * @param workload the workload behind it, as {@code Kind ns/name}, empty when unknown
 */
public record Endpoint(
    String hostname,
    String serviceNamespace,
    String address,
    Map<String, Integer> ports,
    Map<String, String> labels,
    String locality,
    String serviceAccount,
    String tlsMode,
    String network,
    Health health,
    int weight,
    String workload) {

  /** The label that tells clients whether an endpoint speaks Istio mutual TLS. */
  public static final String TLS_MODE_LABEL = "security.istio.io/tlsMode";

  /** Endpoint health, as Istio's EDS reports it. */
  public enum Health { HEALTHY, UNHEALTHY, DRAINING }

  public Endpoint {
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(serviceNamespace, "serviceNamespace");
    Objects.requireNonNull(address, "address");
    ports = Map.copyOf(ports);
    labels = Map.copyOf(labels);
    locality = Objects.requireNonNullElse(locality, "");
    serviceAccount = Objects.requireNonNullElse(serviceAccount, "");
    tlsMode = Objects.requireNonNullElse(tlsMode, "disabled");
    network = Objects.requireNonNullElse(network, "");
    Objects.requireNonNull(health, "health");
    workload = Objects.requireNonNullElse(workload, "");
  }
}
