package dev.meshwright.fabric8.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.ResourceKind;
import dev.meshwright.api.kinds.IstioKinds;
import dev.meshwright.api.security.MutualTls;
import dev.meshwright.api.security.PeerAuthentication;
import dev.meshwright.api.security.PeerAuthenticationSpec;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import dev.meshwright.api.yaml.Strictness;
import dev.meshwright.fabric8.Fabric8Resources;
import dev.meshwright.fabric8.ResourceDefinitions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@EnableKubernetesMockClient(crud = true)
class MeshClientTest {
  private static final String NS = "mesh";

  KubernetesClient kube;
  private MeshClient mesh;

  @BeforeEach
  void setUp() {
    mesh = MeshClient.of(kube);
  }

  @Test
  @DisplayName("a PeerAuthentication survives create, get, list, update and delete with its typed spec")
  void peerAuthenticationRoundTrip() {
    PeerAuthentication created = mesh.create(peerAuthentication("ratings", MutualTls.Mode.STRICT));
    assertThat(created.metadata().resourceVersion()).isPresent();
    assertThat(created.spec().mtls().flatMap(MutualTls::mode)).contains(MutualTls.Mode.STRICT);

    assertThat(mesh.get(PeerAuthentication.KIND, NS, "ratings")).contains(created);
    mesh.create(peerAuthentication("details", MutualTls.Mode.PERMISSIVE));
    assertThat(mesh.list(PeerAuthentication.KIND, NS)).extracting(PeerAuthentication::name)
        .containsExactly("details", "ratings");

    PeerAuthentication changed = PeerAuthentication.builder().from(created)
        .spec(PeerAuthenticationSpec.builder().mtls(MutualTls.of(MutualTls.Mode.DISABLE)).build())
        .build();
    PeerAuthentication updated = mesh.update(changed);
    assertThat(updated.spec().mtls().flatMap(MutualTls::mode)).contains(MutualTls.Mode.DISABLE);
    assertThat(updated.metadata().resourceVersion()).isNotEqualTo(created.metadata().resourceVersion());
    assertThat(mesh.get(PeerAuthentication.KIND, NS, "ratings")).contains(updated);

    assertThat(mesh.delete(PeerAuthentication.KIND, NS, "ratings")).isTrue();
    assertThat(mesh.get(PeerAuthentication.KIND, NS, "ratings")).isEmpty();
    assertThat(mesh.delete(PeerAuthentication.KIND, NS, "ratings")).isFalse();
  }

  static Stream<ResourceKind<?, ?>> everyKind() {
    return IstioKinds.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  @DisplayName("every Istio kind can be created, read, listed, updated and deleted through the client")
  void everyKindRoundTrip(ResourceKind<?, ?> kind) {
    roundTrip(kind);
  }

  private <R extends IstioResource<S>, S> void roundTrip(ResourceKind<R, S> kind) {
    R created = mesh.create(minimal(kind, "minimal"));
    assertThat(created).isInstanceOf(kind.resourceType());
    assertThat(mesh.get(kind, NS, "minimal")).contains(created);
    assertThat(mesh.list(kind, NS)).containsExactly(created);

    ObjectMeta touched = ObjectMeta.builder().from(created.metadata()).putLabel("touched", "yes").build();
    R updated = mesh.update(kind.create(created.apiVersion(), touched, created.spec(), created.status()));
    assertThat(updated.metadata().labels()).containsEntry("touched", "yes");

    assertThat(mesh.delete(kind, NS, "minimal")).isTrue();
    assertThat(mesh.list(kind, NS)).isEmpty();
  }

  @Test
  @DisplayName("an update with a stale resourceVersion fails with 409, naming kind, namespace and name")
  void staleUpdateConflicts() {
    PeerAuthentication read = mesh.create(peerAuthentication("ratings", MutualTls.Mode.STRICT));
    mesh.update(withLabel(read, "first", "writer"));

    assertThatThrownBy(() -> mesh.update(withLabel(read, "second", "writer")))
        .isInstanceOf(MeshClientException.class)
        .hasMessageStartingWith("update PeerAuthentication mesh/ratings failed (HTTP 409): ")
        .asInstanceOf(type(MeshClientException.class))
        .satisfies(e -> {
          assertThat(e.operation()).isEqualTo(MeshClientException.Operation.UPDATE);
          assertThat(e.code()).isEqualTo(409);
          assertThat(e.serverMessage()).isNotBlank();
        });
    assertThat(mesh.get(PeerAuthentication.KIND, NS, "ratings").orElseThrow().metadata().labels())
        .containsOnlyKeys("first");
  }

  @Test
  @DisplayName("an update without a resourceVersion is refused before anything is sent")
  void updateNeedsResourceVersion() {
    mesh.create(peerAuthentication("ratings", MutualTls.Mode.STRICT));
    assertThatThrownBy(() -> mesh.update(peerAuthentication("ratings", MutualTls.Mode.DISABLE)))
        .isInstanceOf(MeshClientException.class)
        .hasMessageContaining("metadata.resourceVersion is required");
  }

  @Test
  @DisplayName("creating a resource that exists fails with 409 and the server's message")
  void createTwiceConflicts() {
    mesh.create(peerAuthentication("ratings", MutualTls.Mode.STRICT));
    assertThatThrownBy(() -> mesh.create(peerAuthentication("ratings", MutualTls.Mode.STRICT)))
        .isInstanceOf(MeshClientException.class)
        .hasMessageStartingWith("create PeerAuthentication mesh/ratings failed (HTTP 409): ");
  }

  @Test
  @DisplayName("apply creates a missing resource and replaces an existing one whatever resourceVersion it carries")
  void applyCreatesOrReplaces() {
    PeerAuthentication created = mesh.apply(peerAuthentication("ratings", MutualTls.Mode.STRICT));
    assertThat(created.spec().mtls().flatMap(MutualTls::mode)).contains(MutualTls.Mode.STRICT);

    PeerAuthentication replaced = mesh.apply(peerAuthentication("ratings", MutualTls.Mode.PERMISSIVE));
    assertThat(replaced.spec().mtls().flatMap(MutualTls::mode)).contains(MutualTls.Mode.PERMISSIVE);
    assertThat(replaced.metadata().resourceVersion()).isNotEqualTo(created.metadata().resourceVersion());
    assertThat(mesh.list(PeerAuthentication.KIND, NS)).containsExactly(replaced);
  }

  @Test
  @DisplayName("a stored document with a bad value is an error diagnostic, an unknown field a warning; readable items are still listed")
  void unreadableDocumentFromServer() {
    mesh.create(peerAuthentication("good", MutualTls.Mode.STRICT));
    storeRaw("bad", Map.of("mtls", Map.of("mode", "SOMETIMES")));
    storeRaw("newer", Map.of("mtls", Map.of("mode", "STRICT"), "futureField", 1));

    Listing<PeerAuthentication> listing = mesh.listAll(PeerAuthentication.KIND, NS);
    assertThat(listing.items()).extracting(PeerAuthentication::name).containsExactly("good", "newer");
    assertThat(listing.diagnostics()).extracting(d -> d.severity().label() + " " + d.name() + " " + d.path())
        .containsExactlyInAnyOrder("error bad spec.mtls.mode", "warning newer spec");

    assertThatThrownBy(() -> mesh.get(PeerAuthentication.KIND, NS, "bad"))
        .isInstanceOf(MeshClientException.class)
        .hasMessageStartingWith("get PeerAuthentication mesh/bad failed: the server returned a document that "
            + "cannot be read: spec.mtls.mode: ")
        .asInstanceOf(type(MeshClientException.class))
        .satisfies(e -> assertThat(e.diagnostics()).isNotEmpty());
    assertThatThrownBy(() -> mesh.list(PeerAuthentication.KIND, NS))
        .hasMessageStartingWith("list PeerAuthentication mesh failed: ");
    assertThatThrownBy(() -> mesh.withStrictness(Strictness.STRICT).get(PeerAuthentication.KIND, NS, "newer"))
        .hasMessageContaining("spec: unknown field \"futureField\"");
  }

  /** Stores a PeerAuthentication with a raw spec, bypassing Meshwright's typed model. */
  private void storeRaw(String name, Map<String, Object> spec) {
    GenericKubernetesResource raw = Fabric8Resources.toGeneric(peerAuthentication(name, MutualTls.Mode.STRICT));
    raw.setAdditionalProperty("spec", spec);
    kube.genericKubernetesResources(ResourceDefinitions.context(PeerAuthentication.KIND))
        .inNamespace(NS).resource(raw).create();
  }

  @Test
  @DisplayName("reading what is not there gives empty results, not errors")
  void missing() {
    assertThat(mesh.get(PeerAuthentication.KIND, NS, "nothing")).isEmpty();
    assertThat(mesh.list(PeerAuthentication.KIND, NS)).isEmpty();
    assertThat(mesh.delete(PeerAuthentication.KIND, NS, "nothing")).isFalse();
  }

  private static PeerAuthentication peerAuthentication(String name, MutualTls.Mode mode) {
    return PeerAuthentication.builder()
        .metadata(ObjectMeta.of(name, NS))
        .spec(PeerAuthenticationSpec.builder().mtls(MutualTls.of(mode)).build())
        .build();
  }

  private static PeerAuthentication withLabel(PeerAuthentication pa, String key, String value) {
    return PeerAuthentication.builder().from(pa)
        .metadata(ObjectMeta.builder().from(pa.metadata()).putLabel(key, value).build())
        .build();
  }

  /** Metadata plus an empty spec bound from {@code {}} by MeshYaml, assembled by the kind's factory. */
  private static <R extends IstioResource<S>, S> R minimal(ResourceKind<R, S> kind, String name) {
    String doc = "{\"apiVersion\": \"" + kind.preferredApiVersion() + "\", \"kind\": \"" + kind.kind()
        + "\", \"metadata\": {\"name\": \"" + name + "\"}, \"spec\": {}}";
    ReadResult read = MeshYaml.read("minimal", doc);
    assertThat(read.diagnostics()).isEmpty();
    S spec = kind.specType().cast(((IstioResource<?>) read.resources().get(0)).spec());
    return kind.create(kind.preferredApiVersion(), ObjectMeta.of(name, NS), spec, Map.of());
  }
}
