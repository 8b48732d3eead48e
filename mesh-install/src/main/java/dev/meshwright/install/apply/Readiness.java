package dev.meshwright.install.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import java.util.Optional;
import java.util.Set;

/**
 * When an installed object counts as ready, the way istioctl waits for it: Deployments and StatefulSets
 * when every wanted replica is updated and ready, DaemonSets when every scheduled pod is updated and
 * ready, CRDs when the API server reports them {@code Established}; every other kind as soon as it exists.
 * A status older than the object's spec ({@code observedGeneration} behind {@code generation}) is not
 * ready. Pure: looks only at the object it is given.
 */
public final class Readiness {
  private static final Set<String> WAITED_FOR = Set.of("Deployment", "StatefulSet", "DaemonSet");

  private Readiness() {}

  /** Whether an install waits for objects of this kind after applying them. */
  public static boolean isWaitedFor(String kind) {
    return WAITED_FOR.contains(kind);
  }

  /** Why {@code current} (as read from the server) is not ready yet, or empty when it is. */
  public static Optional<String> notReadyReason(HasMetadata current) {
    if (current instanceof Deployment deployment) {
      return deployment(deployment);
    }
    if (current instanceof StatefulSet set) {
      return statefulSet(set);
    }
    if (current instanceof DaemonSet set) {
      return daemonSet(set);
    }
    if (current instanceof CustomResourceDefinition crd) {
      return crd(crd);
    }
    return Optional.empty();
  }

  private static Optional<String> deployment(Deployment deployment) {
    DeploymentStatus status = deployment.getStatus();
    int wanted = orDefault(deployment.getSpec() == null ? null : deployment.getSpec().getReplicas(), 1);
    if (status == null) {
      return Optional.of("no status reported yet");
    }
    if (stale(deployment, status.getObservedGeneration())) {
      return Optional.of("the controller has not seen the latest spec yet");
    }
    return replicas(wanted, orDefault(status.getUpdatedReplicas(), 0), orDefault(status.getReadyReplicas(), 0));
  }

  private static Optional<String> statefulSet(StatefulSet set) {
    StatefulSetStatus status = set.getStatus();
    int wanted = orDefault(set.getSpec() == null ? null : set.getSpec().getReplicas(), 1);
    if (status == null) {
      return Optional.of("no status reported yet");
    }
    if (stale(set, status.getObservedGeneration())) {
      return Optional.of("the controller has not seen the latest spec yet");
    }
    return replicas(wanted, orDefault(status.getUpdatedReplicas(), 0), orDefault(status.getReadyReplicas(), 0));
  }

  private static Optional<String> daemonSet(DaemonSet set) {
    DaemonSetStatus status = set.getStatus();
    if (status == null) {
      return Optional.of("no status reported yet");
    }
    if (stale(set, status.getObservedGeneration())) {
      return Optional.of("the controller has not seen the latest spec yet");
    }
    int wanted = orDefault(status.getDesiredNumberScheduled(), 0);
    return replicas(wanted, orDefault(status.getUpdatedNumberScheduled(), 0), orDefault(status.getNumberReady(), 0));
  }

  private static Optional<String> crd(CustomResourceDefinition crd) {
    boolean established = crd.getStatus() != null && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    return established ? Optional.empty() : Optional.of("not established yet");
  }

  private static Optional<String> replicas(int wanted, int updated, int ready) {
    if (updated < wanted) {
      return Optional.of(updated + "/" + wanted + " replicas updated");
    }
    if (ready < wanted) {
      return Optional.of(ready + "/" + wanted + " replicas ready");
    }
    return Optional.empty();
  }

  private static boolean stale(HasMetadata object, Long observedGeneration) {
    Long generation = object.getMetadata().getGeneration();
    return generation != null && observedGeneration != null && observedGeneration < generation;
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
