package dev.meshwright.model.registry;

import java.util.Objects;

/**
 * What the registry needs to know about its cluster. Immutable.
 *
 * @param domainSuffix the DNS suffix of Kubernetes services ({@code cluster.local})
 * @param trustDomain the SPIFFE trust domain ({@code cluster.local})
 * @param clusterId the cluster's id for the {@code topology.istio.io/cluster} label ({@code Kubernetes})
 */
public record RegistryOptions(String domainSuffix, String trustDomain, String clusterId) {
  public RegistryOptions {
    Objects.requireNonNull(domainSuffix, "domainSuffix");
    Objects.requireNonNull(trustDomain, "trustDomain");
    Objects.requireNonNull(clusterId, "clusterId");
  }

  /** Istio's defaults: {@code cluster.local}, {@code cluster.local}, {@code Kubernetes}. */
  public static RegistryOptions defaults() {
    return new RegistryOptions("cluster.local", "cluster.local", "Kubernetes");
  }

  /** These options with another trust domain. */
  public RegistryOptions withTrustDomain(String value) {
    return new RegistryOptions(domainSuffix, value, clusterId);
  }

  /** The hostname of Kubernetes Service {@code name} in {@code namespace}. */
  public String serviceHostname(String name, String namespace) {
    return name + "." + namespace + ".svc." + domainSuffix;
  }

  /** The SPIFFE identity of a Kubernetes service account. */
  public String spiffeId(String namespace, String serviceAccount) {
    return "spiffe://" + trustDomain + "/ns/" + namespace + "/sa/" + serviceAccount;
  }
}
