package dev.meshwright.install.apply;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small control-plane manifests for the apply tests, deliberately listed out of apply order. */
final class TestManifests {
  static final String NS = "istio-system";

  private TestManifests() {}

  /** A control plane for {@code revision} ("default" for none), webhook first and CRD last, as a renderer might list them. */
  static List<HasMetadata> controlPlane(String revision, String meshConfig) {
    String suffix = revision.equals("default") ? "" : "-" + revision;
    Map<String, String> labels = labels(revision, "Pilot");
    return List.of(
        new MutatingWebhookConfigurationBuilder().withNewMetadata().withName("istio-sidecar-injector" + suffix)
            .withLabels(labels).endMetadata().build(),
        new DeploymentBuilder().withNewMetadata().withName("istiod" + suffix).withNamespace(NS).withLabels(labels)
            .endMetadata().withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "istiod")
            .endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "istiod").endMetadata()
            .withNewSpec().addNewContainer().withName("discovery").withImage("docker.io/istio/pilot:1.22.8")
            .endContainer().endSpec().endTemplate().endSpec().build(),
        new ServiceBuilder().withNewMetadata().withName("istiod" + suffix).withNamespace(NS).withLabels(labels)
            .endMetadata().withNewSpec().addToSelector("app", "istiod").addNewPort().withName("grpc-xds")
            .withPort(15010).endPort().endSpec().build(),
        new ConfigMapBuilder().withNewMetadata().withName("istio" + suffix).withNamespace(NS).withLabels(labels)
            .endMetadata().addToData("mesh", meshConfig).build(),
        new ServiceAccountBuilder().withNewMetadata().withName("istiod" + suffix).withNamespace(NS)
            .withLabels(labels).endMetadata().build(),
        new ClusterRoleBuilder().withNewMetadata().withName("istiod-clusterrole" + suffix + "-" + NS)
            .withLabels(labels).endMetadata().build(),
        new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build(),
        new CustomResourceDefinitionBuilder().withNewMetadata().withName("virtualservices.networking.istio.io")
            .withLabels(labels("default", "Base")).endMetadata().withNewSpec().withGroup("networking.istio.io")
            .withScope("Namespaced").withNewNames().withKind("VirtualService").withPlural("virtualservices")
            .endNames().addNewVersion().withName("v1").withServed(true).withStorage(true).endVersion().endSpec()
            .build());
  }

  static Map<String, String> labels(String revision, String component) {
    Map<String, String> labels = new HashMap<>();
    labels.put("istio.io/rev", revision);
    labels.put(InstalledObjects.COMPONENT_LABEL, component);
    return labels;
  }

  /** Plays the Deployment controller: marks every Deployment in the namespace as fully rolled out. */
  static void markDeploymentsReady(KubernetesClient kube) {
    for (Deployment d : kube.apps().deployments().inNamespace(NS).list().getItems()) {
      int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
      d.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withUpdatedReplicas(replicas)
          .withReadyReplicas(replicas).withObservedGeneration(d.getMetadata().getGeneration()).build());
      kube.apps().deployments().inNamespace(NS).resource(d).update();
    }
  }
}
