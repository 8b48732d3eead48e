package dev.meshwright.model.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.GenericResource;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.api.networking.VirtualServiceSpec;
import dev.meshwright.fabric8.kube.MeshClient;
import dev.meshwright.model.config.ConfigKey;
import dev.meshwright.model.config.ConfigStore;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Black-box against fabric8's mock API server in CRUD mode; the dispatcher (the server's state) outlives restarts. */
class KubernetesSourceTest {
  private static final Set<String> KINDS = Set.of("networking.istio.io/VirtualService", "Service", "Pod", "ConfigMap",
      "discovery.k8s.io/EndpointSlice");

  private final KubernetesCrudDispatcher dispatcher = new KubernetesCrudDispatcher();
  private KubernetesMockServer server;
  private NamespacedKubernetesClient kube;
  private final ConfigStore store = ConfigStore.builder().build();
  private KubernetesSource source;

  private KubernetesMockServer serverOn(int port) {
    KubernetesMockServer s = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    s.init(InetAddress.getLoopbackAddress(), port);
    return s;
  }

  @BeforeEach
  void start() {
    server = serverOn(0);
    kube = server.createClient();
    List<WatchedKind> kinds = WatchedKind.controlPlane("istio-system", "").stream()
        .filter(k -> KINDS.contains(k.id())).toList();
    assertThat(kinds).hasSize(KINDS.size());
    source = new KubernetesSource(kube, store, kinds, Duration.ofMinutes(10));
  }

  @AfterEach
  void stop() {
    source.close();
    kube.close();
    server.destroy();
  }

  private static VirtualService vs(String name, String host) {
    return VirtualService.builder().metadata(ObjectMeta.of(name, "bookinfo"))
        .spec(VirtualServiceSpec.builder().addHosts(host).build()).build();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 3000 && !condition.getAsBoolean(); i++) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).as("condition reached within 30s").isTrue();
  }

  private boolean hasVs(String name, String host) {
    return store.view().get(VirtualService.KIND, "bookinfo", name)
        .filter(v -> v.spec().hosts().contains(host)).isPresent();
  }

  @Test
  @DisplayName("objects present at start, then adds, updates and deletes flow into the store; other ConfigMaps are ignored")
  void addUpdateDelete() throws Exception {
    MeshClient mesh = MeshClient.of(kube);
    mesh.create(vs("reviews", "reviews"));
    kube.services().inNamespace("bookinfo").resource(new ServiceBuilder().withNewMetadata().withName("reviews")
        .endMetadata().withNewSpec().withClusterIP("10.0.0.7").addNewPort().withName("http").withPort(9080)
        .endPort().endSpec().build()).create();
    kube.pods().inNamespace("bookinfo").resource(new PodBuilder().withNewMetadata().withName("reviews-v1")
        .addToLabels("app", "reviews").endMetadata().build()).create();
    kube.configMaps().inNamespace("istio-system").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("istio").endMetadata().addToData("mesh", "rootNamespace: istio-config\n").build()).create();
    kube.configMaps().inNamespace("istio-system").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("unrelated").endMetadata().build()).create();

    source.start().get(60, TimeUnit.SECONDS);
    assertThat(source.hasSynced()).isTrue();
    assertThat(hasVs("reviews", "reviews")).isTrue();
    assertThat(store.view().get(new ConfigKey("", "Service", "bookinfo", "reviews"))).get()
        .isInstanceOf(GenericResource.class);
    assertThat(store.view().get(new ConfigKey("", "Pod", "bookinfo", "reviews-v1"))).isPresent();
    assertThat(store.view().get(new ConfigKey("", "ConfigMap", "istio-system", "istio"))).isPresent();
    assertThat(store.view().get(new ConfigKey("", "ConfigMap", "istio-system", "unrelated"))).isEmpty();
    assertThat(store.view().entry(new ConfigKey("", "Pod", "bookinfo", "reviews-v1")).orElseThrow().source())
        .isEqualTo(KubernetesSource.SOURCE);

    VirtualService current = mesh.get(VirtualService.KIND, "bookinfo", "reviews").orElseThrow();
    mesh.update(VirtualService.builder().from(current)
        .spec(VirtualServiceSpec.builder().addHosts("reviews.bookinfo.svc.cluster.local").build()).build());
    await(() -> hasVs("reviews", "reviews.bookinfo.svc.cluster.local"));

    kube.pods().inNamespace("bookinfo").withName("reviews-v1").delete();
    await(() -> store.view().get(new ConfigKey("", "Pod", "bookinfo", "reviews-v1")).isEmpty());
    mesh.create(vs("ratings", "ratings"));
    await(() -> hasVs("ratings", "ratings"));
    assertThat(source.diagnostics()).isEmpty();
  }

  @Test
  @DisplayName("an object that cannot be read becomes a diagnostic naming it and field; its last good version stays")
  void unreadableObject() throws Exception {
    MeshClient.of(kube).create(vs("reviews", "reviews"));
    source.start().get(60, TimeUnit.SECONDS);
    io.fabric8.kubernetes.api.model.GenericKubernetesResource raw = kube.genericKubernetesResources(
        dev.meshwright.fabric8.ResourceDefinitions.context(VirtualService.KIND)).inNamespace("bookinfo")
        .withName("reviews").get();
    raw.setAdditionalProperty("spec", java.util.Map.of("hosts", "not-a-list"));
    kube.genericKubernetesResources(dev.meshwright.fabric8.ResourceDefinitions.context(VirtualService.KIND))
        .inNamespace("bookinfo").resource(raw).update();
    await(() -> !source.diagnostics().isEmpty());
    assertThat(source.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.format()).contains("VirtualService bookinfo/reviews", "spec.hosts", "last good version kept");
    });
    assertThat(hasVs("reviews", "reviews")).isTrue();
  }

  @Test
  @DisplayName("after the API server drops every watch and comes back, state is kept and new changes still arrive")
  void survivesWatchReconnect() throws Exception {
    MeshClient.of(kube).create(vs("reviews", "reviews"));
    source.start().get(60, TimeUnit.SECONDS);
    assertThat(hasVs("reviews", "reviews")).isTrue();
    long before = store.version();

    int port = server.getPort();
    server.destroy();
    server = serverOn(port);
    try (NamespacedKubernetesClient other = server.createClient()) {
      MeshClient.of(other).create(vs("ratings", "ratings"));
      await(() -> hasVs("ratings", "ratings"));
    }
    assertThat(hasVs("reviews", "reviews")).isTrue();
    assertThat(store.version()).isGreaterThan(before);
  }
}
