package dev.meshwright.fabric8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.GenericResource;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.Severity;
import dev.meshwright.api.security.MutualTls;
import dev.meshwright.api.security.PeerAuthentication;
import dev.meshwright.api.security.PeerAuthenticationSpec;
import dev.meshwright.api.type.WorkloadSelector;
import dev.meshwright.api.yaml.Strictness;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Fabric8ResourcesTest {
  private static final PeerAuthentication PA = PeerAuthentication.builder()
      .apiVersion("security.istio.io/v1beta1")
      .metadata(ObjectMeta.builder().name("ratings").namespace("bookinfo").resourceVersion("42")
          .putLabel("app", "ratings").putAnnotation("owner", "team-a").build())
      .spec(PeerAuthenticationSpec.builder()
          .selector(WorkloadSelector.of(Map.of("app", "ratings")))
          .mtls(MutualTls.of(MutualTls.Mode.STRICT))
          .putPortLevelMtl(8080, MutualTls.of(MutualTls.Mode.DISABLE))
          .build())
      .status(Map.of("observedGeneration", 3))
      .build();

  @Test
  @DisplayName("toGeneric keeps apiVersion, kind, metadata, spec and status as fabric8 sees them")
  void toGenericCarriesEverything() {
    GenericKubernetesResource g = Fabric8Resources.toGeneric(PA);
    assertThat(g.getApiVersion()).isEqualTo("security.istio.io/v1beta1");
    assertThat(g.getKind()).isEqualTo("PeerAuthentication");
    assertThat(g.getMetadata().getName()).isEqualTo("ratings");
    assertThat(g.getMetadata().getNamespace()).isEqualTo("bookinfo");
    assertThat(g.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(g.getMetadata().getLabels()).containsEntry("app", "ratings");
    assertThat((String) g.get("spec", "mtls", "mode")).isEqualTo("STRICT");
    assertThat((String) g.get("spec", "portLevelMtls", "8080", "mode")).isEqualTo("DISABLE");
    assertThat(g.<Object>get("status", "observedGeneration")).isEqualTo(3);
  }

  @Test
  @DisplayName("fromGeneric(toGeneric(r)) gives back an equal typed resource without diagnostics")
  void roundTrip() {
    Conversion<PeerAuthentication> back =
        Fabric8Resources.fromGeneric(Fabric8Resources.toGeneric(PA), PeerAuthentication.KIND, Strictness.STRICT);
    assertThat(back.diagnostics()).isEmpty();
    assertThat(back.resource()).contains(PA);
  }

  @Test
  @DisplayName("an unknown spec field is an error when strict, a warning with the resource when lenient")
  void unknownField() {
    GenericKubernetesResource g = Fabric8Resources.toGeneric(PA);
    spec(g).put("bogus", true);

    Conversion<MeshResource> strict = Fabric8Resources.fromGeneric(g);
    assertThat(strict.resource()).isEmpty();
    assertThat(strict.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.format()).isEqualTo("error: PeerAuthentication bookinfo/ratings: spec: unknown field \"bogus\"");
    });

    Conversion<MeshResource> lenient = Fabric8Resources.fromGeneric(g, Strictness.LENIENT);
    assertThat(lenient.resource()).contains(PA);
    assertThat(lenient.diagnostics()).extracting(Diagnostic::severity).containsExactly(Severity.WARNING);
  }

  @Test
  @DisplayName("a bad enum value yields an error at its field path and no resource, never an exception")
  void badValue() {
    GenericKubernetesResource g = Fabric8Resources.toGeneric(PA);
    spec(g).put("mtls", Map.of("mode", "SOMETIMES"));

    Conversion<MeshResource> read = Fabric8Resources.fromGeneric(g, Strictness.LENIENT);
    assertThat(read.hasErrors()).isTrue();
    assertThat(read.resource()).isEmpty();
    assertThat(read.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.path()).isEqualTo("spec.mtls.mode");
      assertThat(d.message()).contains("SOMETIMES");
      assertThat(d.line()).isZero();
      assertThat(d.name()).isEqualTo("ratings");
    });
  }

  @Test
  @DisplayName("asking for one kind and reading another is an error diagnostic")
  void wrongKind() {
    GenericKubernetesResource cm = new GenericKubernetesResourceBuilder()
        .withApiVersion("v1").withKind("ConfigMap")
        .withNewMetadata().withName("mesh").withNamespace("istio-system").endMetadata()
        .addToAdditionalProperties("data", Map.of("mesh", "{}"))
        .build();

    assertThat(Fabric8Resources.fromGeneric(cm).resource()).get().isInstanceOf(GenericResource.class);
    Conversion<PeerAuthentication> typed =
        Fabric8Resources.fromGeneric(cm, PeerAuthentication.KIND, Strictness.STRICT);
    assertThat(typed.resource()).isEmpty();
    assertThat(typed.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("expected PeerAuthentication (security.istio.io), got ConfigMap (v1)"));
  }

  @Test
  @DisplayName("a kind's context names its group, preferred version, plural and namespace scope")
  void context() {
    ResourceDefinitionContext ctx = ResourceDefinitions.context(PeerAuthentication.KIND);
    assertThat(ctx.getGroup()).isEqualTo("security.istio.io");
    assertThat(ctx.getVersion()).isEqualTo("v1");
    assertThat(ctx.getPlural()).isEqualTo("peerauthentications");
    assertThat(ctx.getKind()).isEqualTo("PeerAuthentication");
    assertThat(ctx.isNamespaceScoped()).isTrue();
    assertThat(ResourceDefinitions.forApiVersion(PeerAuthentication.KIND, "security.istio.io/v1beta1").getVersion())
        .isEqualTo("v1beta1");
    assertThatThrownBy(() -> ResourceDefinitions.context(PeerAuthentication.KIND, "v2"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not served");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource g) {
    return (Map<String, Object>) g.getAdditionalProperties().get("spec");
  }
}
