package dev.meshwright.api.operator;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Kubernetes settings of a component's Deployment, Service, HPA and PDB ({@code
 * istio.operator.v1alpha1.KubernetesResourcesSpec}). Kubernetes structures (affinity, probes, resources, ...)
 * are kept as their JSON form. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableKubernetesResourcesSpec.class)
@JsonDeserialize(as = ImmutableKubernetesResourcesSpec.class)
public interface KubernetesResourcesSpec {
  /** Pod affinity ({@code core/v1 Affinity}). */
  Map<String, Object> affinity();

  /** Container environment ({@code core/v1 EnvVar} list). */
  List<Map<String, Object>> env();

  /** HorizontalPodAutoscaler spec. */
  Map<String, Object> hpaSpec();

  /** Image pull policy. */
  Optional<String> imagePullPolicy();

  /** Node selector. */
  Map<String, String> nodeSelector();

  /** PodDisruptionBudget spec. */
  Map<String, Object> podDisruptionBudget();

  /** Pod annotations. */
  Map<String, String> podAnnotations();

  /** Priority class. */
  Optional<String> priorityClassName();

  /** Readiness probe ({@code core/v1 Probe}). */
  Map<String, Object> readinessProbe();

  /** Replicas of the Deployment. */
  Optional<Integer> replicaCount();

  /** Container resources (limits and requests). */
  Map<String, Object> resources();

  /** Service spec. */
  Map<String, Object> service();

  /** Deployment strategy. */
  Map<String, Object> strategy();

  /** Pod tolerations. */
  List<Map<String, Object>> tolerations();

  /** Service annotations. */
  Map<String, String> serviceAnnotations();

  /** Pod security context. */
  Map<String, Object> securityContext();

  /** Pod volumes. */
  List<Map<String, Object>> volumes();

  /** Container volume mounts. */
  List<Map<String, Object>> volumeMounts();

  /** Patches applied to rendered objects. */
  List<K8sObjectOverlay> overlays();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link KubernetesResourcesSpec}. */
  final class Builder extends ImmutableKubernetesResourcesSpec.Builder {}
}
