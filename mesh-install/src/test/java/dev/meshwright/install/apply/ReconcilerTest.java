package dev.meshwright.install.apply;

import static dev.meshwright.install.apply.TestManifests.NS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.operator.IstioOperator;
import dev.meshwright.fabric8.ResourceDefinitions;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The IstioOperator reconciler against fabric8's mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class ReconcilerTest {
  KubernetesClient kube;

  /** Renders the test control plane; a {@code hub} adds an extra ConfigMap, so dropping it exercises pruning. */
  private static List<HasMetadata> render(IstioOperator operator) {
    List<HasMetadata> objects = new ArrayList<>(TestManifests.controlPlane(
        operator.spec().revision().orElse("default"), operator.spec().profile().orElse("default")));
    operator.spec().hub().ifPresent(hub -> objects.add(new ConfigMapBuilder().withNewMetadata()
        .withName("hub").withNamespace(NS).endMetadata().addToData("hub", hub).build()));
    return objects;
  }

  private Reconciler reconciler() {
    return new Reconciler(kube, ReconcilerTest::render,
        ApplyOptions.defaults().withMode(ApplyMode.CREATE_OR_REPLACE), new FakeTime());
  }

  private GenericKubernetesResource operator(Map<String, Object> spec) {
    GenericKubernetesResource iop = new GenericKubernetesResourceBuilder().withApiVersion("install.istio.io/v1alpha1")
        .withKind("IstioOperator").withNewMetadata().withName("control-plane").withNamespace(NS).endMetadata()
        .addToAdditionalProperties("spec", spec).build();
    return operators().inNamespace(NS).resource(iop).createOr(op -> op.update());
  }

  private io.fabric8.kubernetes.client.dsl.MixedOperation<GenericKubernetesResource,
      io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
      io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> operators() {
    return kube.genericKubernetesResources(ResourceDefinitions.context(IstioOperator.KIND));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> status() {
    return (Map<String, Object>) operators().inNamespace(NS).withName("control-plane").get()
        .getAdditionalProperties().get("status");
  }

  @Test
  @DisplayName("a reconcile applies the owned objects, reports RECONCILING until istiod is ready, then HEALTHY in the status")
  void convergesAndWritesStatus() {
    try (Reconciler reconciler = reconciler()) {
      ReconcileResult first = reconciler.reconcile(operator(Map.of("profile", "minimal")));

      assertThat(first.status()).isEqualTo(ReconcileResult.RECONCILING);
      assertThat(first.message()).contains("Deployment istio-system/istiod (no status reported yet)");
      assertThat(kube.configMaps().inNamespace(NS).withName("istio").get().getMetadata().getLabels())
          .containsEntry(Reconciler.OWNER_LABEL, "control-plane")
          .containsEntry(Reconciler.OWNER_NAMESPACE_LABEL, NS);

      TestManifests.markDeploymentsReady(kube);
      var crd = kube.apiextensions().v1().customResourceDefinitions().withName("virtualservices.networking.istio.io").get();
      crd.setStatus(new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionStatusBuilder()
          .addNewCondition().withType("Established").withStatus("True").endCondition().build());
      kube.apiextensions().v1().customResourceDefinitions().resource(crd).update();
      ReconcileResult second = reconciler.reconcile(operators().inNamespace(NS).withName("control-plane").get());

      assertThat(second.status()).isEqualTo(ReconcileResult.HEALTHY);
      assertThat(status()).containsEntry("status", "HEALTHY");
    }
  }

  @Test
  @DisplayName("objects the new manifest no longer has are pruned")
  void prunes() {
    try (Reconciler reconciler = reconciler()) {
      reconciler.reconcile(operator(Map.of("profile", "minimal", "hub", "example.com/istio")));
      assertThat(kube.configMaps().inNamespace(NS).withName("hub").get()).isNotNull();

      ReconcileResult result = reconciler.reconcile(operator(Map.of("profile", "minimal")));

      assertThat(result.pruned()).containsExactly(new ObjectRef("ConfigMap", NS, "hub"));
      assertThat(kube.configMaps().inNamespace(NS).withName("hub").get()).isNull();
      assertThat(kube.configMaps().inNamespace(NS).withName("istio").get()).isNotNull();
    }
  }

  @Test
  @DisplayName("an IstioOperator that does not validate gets an ERROR status naming the field, and nothing is applied")
  void invalidOperator() {
    try (Reconciler reconciler = reconciler()) {
      ReconcileResult result = reconciler.reconcile(operator(Map.of("profil", "minimal")));

      assertThat(result.status()).isEqualTo(ReconcileResult.ERROR);
      assertThat(result.message()).contains("profil");
      assertThat(status()).containsEntry("status", "ERROR");
      assertThat(kube.apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
    }
  }

  @Test
  @DisplayName("started, the reconciler installs what a new IstioOperator asks for and removes it when the IstioOperator is deleted")
  void watches() throws InterruptedException {
    try (Reconciler reconciler = reconciler()) {
      reconciler.start(Duration.ofMinutes(10));
      operator(Map.of("profile", "minimal"));
      awaitTrue(() -> kube.apps().deployments().inNamespace(NS).withName("istiod").get() != null);

      operators().inNamespace(NS).withName("control-plane").delete();

      awaitTrue(() -> kube.apps().deployments().inNamespace(NS).withName("istiod").get() == null);
      assertThat(kube.configMaps().inNamespace(NS).withName("istio").get()).isNull();
      assertThat(kube.apiextensions().v1().customResourceDefinitions().list().getItems()).hasSize(1);
    }
  }

  /** Waits for an event the reconciler's thread causes; a bound on waiting, not a timing assertion. */
  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
      Thread.sleep(100);
    }
    assertThat(condition.getAsBoolean()).as("condition reached within 30 s").isTrue();
  }

  @Test
  @DisplayName("with Meshwright's renderer, an IstioOperator for the minimal profile installs istiod and its mesh config")
  void realRenderer() {
    try (Reconciler reconciler = new Reconciler(kube,
        new OperatorRenderer(dev.meshwright.install.render.ClusterFacts.NONE, kube.getKubernetesSerialization()),
        ApplyOptions.defaults().withMode(ApplyMode.CREATE_OR_REPLACE), new FakeTime())) {
      ReconcileResult result = reconciler.reconcile(operator(Map.of("profile", "minimal",
          "meshConfig", Map.of("accessLogFile", "/dev/stdout"))));

      assertThat(result.status()).as(result.message()).isEqualTo(ReconcileResult.RECONCILING);
      assertThat(kube.apps().deployments().inNamespace(NS).withName("istiod").get()).isNotNull();
      assertThat(kube.configMaps().inNamespace(NS).withName("istio").get().getData().get("mesh"))
          .contains("accessLogFile: /dev/stdout");
      assertThat(kube.apps().deployments().inNamespace(NS).withName("istio-ingressgateway").get()).isNull();
    }
  }
}
