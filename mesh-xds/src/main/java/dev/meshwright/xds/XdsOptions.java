package dev.meshwright.xds;

import java.util.Objects;

/**
 * Cluster-wide settings generation needs that are not in the mesh config: the Kubernetes domain suffix, the
 * cluster ID. Immutable; {@link #defaults()} is Istio's ({@code cluster.local}, {@code Kubernetes}).
 *
 * @param domainSuffix the Kubernetes DNS suffix, {@code cluster.local} by default
 * @param clusterId the name of the cluster the registry comes from
 */
public record XdsOptions(String domainSuffix, String clusterId) {
  public XdsOptions {
    Objects.requireNonNull(domainSuffix, "domainSuffix");
    Objects.requireNonNull(clusterId, "clusterId");
  }

  /** Istio's defaults. */
  public static XdsOptions defaults() {
    return new XdsOptions("cluster.local", "Kubernetes");
  }

  /** These options with another domain suffix. */
  public XdsOptions withDomainSuffix(String value) {
    return new XdsOptions(value, clusterId);
  }
}
