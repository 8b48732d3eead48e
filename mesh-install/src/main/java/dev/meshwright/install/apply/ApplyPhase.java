package dev.meshwright.install.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Set;

/**
 * The dependency order of an install. Every object belongs to one phase; phases are applied in
 * declaration order and deleted in reverse, so a webhook never points at a Service that is not there yet
 * and a Deployment never starts before its ServiceAccount, ConfigMaps and CRDs exist.
 */
public enum ApplyPhase {
  /** CustomResourceDefinitions: every later custom resource needs its type. */
  CRDS(Set.of("CustomResourceDefinition")),
  /** Namespaces the other objects live in. */
  NAMESPACES(Set.of("Namespace")),
  /** Service accounts and RBAC, so pods can start with their identity and permissions. */
  RBAC(Set.of("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding")),
  /** ConfigMaps, Secrets and Istio configuration read by workloads at start. */
  CONFIG(Set.of("ConfigMap", "Secret", "EnvoyFilter", "PeerAuthentication", "Telemetry")),
  /** Workloads and what serves or scales them; anything not named elsewhere lands here. */
  WORKLOADS(Set.of()),
  /** Admission webhooks last: they call services that must already be serving. */
  WEBHOOKS(Set.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"));

  private final Set<String> kinds;

  ApplyPhase(Set<String> kinds) {
    this.kinds = kinds;
  }

  /** The phase an object is applied in, by its kind. */
  public static ApplyPhase of(HasMetadata object) {
    return ofKind(object.getKind());
  }

  /** The phase of a kind; unknown kinds are {@link #WORKLOADS}. */
  public static ApplyPhase ofKind(String kind) {
    for (ApplyPhase phase : values()) {
      if (phase.kinds.contains(kind)) {
        return phase;
      }
    }
    return WORKLOADS;
  }
}
