package dev.meshwright.install.apply;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds what an Istio install left on a cluster, for a purge: objects of the kinds an install creates that
 * carry the {@code operator.istio.io/component} label (Istio's charts and Meshwright's renderer both set
 * it), and the CRDs of {@code istio.io} groups.
 */
final class InstalledObjects {
  /** The label every installed object carries, naming its component (Base, Pilot, IngressGateways, ...). */
  static final String COMPONENT_LABEL = "operator.istio.io/component";

  private static final List<Class<? extends HasMetadata>> NAMESPACED = List.of(Deployment.class,
      DaemonSet.class, Service.class, ServiceAccount.class, ConfigMap.class, Role.class, RoleBinding.class,
      HorizontalPodAutoscaler.class, PodDisruptionBudget.class);
  private static final List<Class<? extends HasMetadata>> CLUSTER = List.of(ClusterRole.class,
      ClusterRoleBinding.class, MutatingWebhookConfiguration.class, ValidatingWebhookConfiguration.class);

  private InstalledObjects() {}

  /** Every labelled installed object and every Istio CRD on the cluster. */
  static List<HasMetadata> find(KubernetesClient client) {
    List<HasMetadata> found = withLabels(client, Map.of(COMPONENT_LABEL, ""));
    for (CustomResourceDefinition crd : client.apiextensions().v1().customResourceDefinitions().list().getItems()) {
      String group = crd.getSpec() == null ? "" : String.valueOf(crd.getSpec().getGroup());
      if (group.equals("istio.io") || group.endsWith(".istio.io")) {
        found.add(crd);
      }
    }
    return found;
  }

  /**
   * Objects of the installed kinds whose labels match {@code labels}; an empty value only requires the
   * label to exist.
   */
  static List<HasMetadata> withLabels(KubernetesClient client, Map<String, String> labels) {
    List<HasMetadata> found = new ArrayList<>();
    for (Class<? extends HasMetadata> type : NAMESPACED) {
      found.addAll(select(client.resources(type).inAnyNamespace(), labels).list().getItems());
    }
    for (Class<? extends HasMetadata> type : CLUSTER) {
      found.addAll(select(client.resources(type), labels).list().getItems());
    }
    return found;
  }

  private static <T extends HasMetadata, L extends KubernetesResourceList<T>> FilterWatchListDeletable<T, L, ?> select(
      FilterWatchListDeletable<T, L, ?> query, Map<String, String> labels) {
    FilterWatchListDeletable<T, L, ?> selected = query;
    for (Map.Entry<String, String> label : labels.entrySet()) {
      selected = label.getValue().isEmpty() ? selected.withLabel(label.getKey())
          : selected.withLabel(label.getKey(), label.getValue());
    }
    return selected;
  }
}
