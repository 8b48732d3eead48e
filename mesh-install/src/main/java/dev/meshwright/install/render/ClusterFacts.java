package dev.meshwright.install.render;

import java.util.Objects;

/**
 * What the renderer knows about the target cluster, gathered at the edge (or defaulted without a cluster).
 * Immutable.
 *
 * @param kubeMinorVersion the Kubernetes minor version (1.x); HPAs use {@code autoscaling/v2beta2} below 23
 */
public record ClusterFacts(int kubeMinorVersion) {
  /** No cluster: Kubernetes 1.26, as istioctl assumes for {@code manifest generate}. */
  public static final ClusterFacts NONE = new ClusterFacts(26);

  public ClusterFacts {
    if (kubeMinorVersion < 0) {
      throw new IllegalArgumentException("kubeMinorVersion must not be negative");
    }
  }

  @Override
  public String toString() {
    return "ClusterFacts[kubernetes 1." + kubeMinorVersion + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClusterFacts c && c.kubeMinorVersion == kubeMinorVersion;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kubeMinorVersion);
  }
}
