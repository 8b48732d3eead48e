package dev.meshwright.fabric8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshwright.api.GenericResource;
import dev.meshwright.api.ResourceKind;
import dev.meshwright.api.kinds.IstioKinds;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every kind's REST coordinates against Istio's own CRDs, so a wrong plural cannot reach a cluster. */
class ResourceDefinitionsCrdTest {
  private static final Path CRDS = Path.of(System.getProperty("meshwright.corpus", "../../shared/conformance/istio-1.22"))
      .resolve("crds/crd-all.gen.yaml");
  /** Groups whose CRDs Istio ships outside crd-all.gen.yaml (the operator's IstioOperator). */
  private static final List<String> NOT_IN_CRD_ALL = List.of("install.istio.io");
  private static ReadResult crds;

  static Stream<ResourceKind<?, ?>> everyKind() {
    return IstioKinds.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  @DisplayName("a kind's context matches Istio's CRD: plural, namespace scope, and every version served")
  void matchesIstioCrd(ResourceKind<?, ?> kind) throws IOException {
    assumeTrue(Files.isRegularFile(CRDS), "Istio CRDs not found at " + CRDS.toAbsolutePath() + "; skipping");
    assumeTrue(!NOT_IN_CRD_ALL.contains(kind.group()), kind + " has no CRD in crd-all.gen.yaml");
    Map<String, Object> spec = crdSpec(kind).orElseThrow(() -> new AssertionError("no CRD for " + kind));

    ResourceDefinitionContext ctx = ResourceDefinitions.context(kind);
    assertThat(ctx.getPlural()).isEqualTo(map(spec.get("names")).get("plural"));
    assertThat(ctx.isNamespaceScoped()).isEqualTo("Namespaced".equals(spec.get("scope")));
    List<String> served = ((List<?>) spec.get("versions")).stream().map(ResourceDefinitionsCrdTest::map)
        .filter(v -> Boolean.TRUE.equals(v.get("served"))).map(v -> (String) v.get("name")).toList();
    assertThat(served).containsAll(kind.versions());
  }

  private static Optional<Map<String, Object>> crdSpec(ResourceKind<?, ?> kind) throws IOException {
    return crds().resources().stream()
        .map(r -> map(((GenericResource) r).body().get("spec")))
        .filter(s -> kind.group().equals(s.get("group")) && kind.kind().equals(map(s.get("names")).get("kind")))
        .findFirst();
  }

  private static ReadResult crds() throws IOException {
    synchronized (ResourceDefinitionsCrdTest.class) {
      if (crds == null) {
        crds = MeshYaml.read(CRDS.toString(), Files.readString(CRDS));
        assertThat(crds.diagnostics()).isEmpty();
      }
      return crds;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
