package dev.meshwright.model.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A service as the mesh sees it: a hostname with ports, addresses and how clients reach its endpoints.
 * Built from a Kubernetes Service or from one host of a ServiceEntry. Immutable.
 *
 * @param hostname the fully qualified name, e.g. {@code reviews.bookinfo.svc.cluster.local}
 * @param namespace the namespace of the Service or ServiceEntry
 * @param name the Service or ServiceEntry name
 * @param origin which kind of resource defined it
 * @param addresses the virtual IPs ({@code 0.0.0.0} when none)
 * @param ports the ports, in declaration order
 * @param resolution how clients find endpoints
 * @param location inside or outside the mesh
 * @param exportTo the namespaces that see it ({@code *}, {@code .}, {@code ~} or names); empty = mesh default
 * @param selector the labels that pick its workloads (Service selector or ServiceEntry workloadSelector)
 * @param labels the labels of the defining resource
 * @param externalName the target of an ExternalName Service, empty otherwise
 */
public record MeshService(
    String hostname,
    String namespace,
    String name,
    Origin origin,
    List<String> addresses,
    List<ServicePort> ports,
    Resolution resolution,
    Location location,
    Set<String> exportTo,
    Map<String, String> selector,
    Map<String, String> labels,
    String externalName) {

  /** The address Istio uses for a service without a virtual IP. */
  public static final String UNSPECIFIED_IP = "0.0.0.0";

  /** Where a service came from. */
  public enum Origin { KUBERNETES, SERVICE_ENTRY }

  /** How clients reach a service's endpoints (Istio's service resolution). */
  public enum Resolution {
    /** Client-side load balancing over known endpoints (Kubernetes ClusterIP, ServiceEntry STATIC). */
    CLIENT_SIDE_LB,
    /** The proxy resolves the host (or endpoint hosts) by DNS and balances over all answers. */
    DNS,
    /** The proxy resolves by DNS and uses one answer at a time. */
    DNS_ROUND_ROBIN,
    /** Traffic goes to the address the client asked for (headless Service, ServiceEntry NONE). */
    PASSTHROUGH,
    /** An ExternalName Service: a plain alias of another host. */
    ALIAS
  }

  /** Whether a service is part of the mesh. */
  public enum Location { MESH_INTERNAL, MESH_EXTERNAL }

  public MeshService {
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(origin, "origin");
    addresses = List.copyOf(addresses);
    ports = List.copyOf(ports);
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(location, "location");
    exportTo = Set.copyOf(exportTo);
    selector = Map.copyOf(selector);
    labels = Map.copyOf(labels);
    externalName = Objects.requireNonNullElse(externalName, "");
  }

  /** The port with this number, if any. */
  public Optional<ServicePort> port(int number) {
    return ports.stream().filter(p -> p.port() == number).findFirst();
  }

  /** The port with this name, if any. */
  public Optional<ServicePort> port(String portName) {
    return ports.stream().filter(p -> p.name().equals(portName)).findFirst();
  }

  /** Whether this service is visible to {@code fromNamespace}, given the mesh default {@code exportTo}. */
  public boolean visibleTo(String fromNamespace, Set<String> meshDefault) {
    Set<String> effective = exportTo.isEmpty() ? meshDefault : exportTo;
    return Visibility.visible(effective, namespace, fromNamespace);
  }
}
