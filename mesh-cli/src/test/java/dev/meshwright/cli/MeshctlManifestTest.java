package dev.meshwright.cli;

import static dev.meshwright.cli.MeshctlValidateTest.meshctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshctlManifestTest {
  private static final Path GOLDENS = Path.of("src/test/resources/golden");
  @TempDir Path dir;

  @Test
  @DisplayName("manifest generate of the default profile matches our golden (every object, istioctl's order)")
  void generateDefault() {
    MeshctlValidateTest.Run r = meshctl("", "manifest", "generate");

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    Golden.assertMatches(GOLDENS.resolve("manifest-generate-default.yaml"), r.out());
  }

  @Test
  @DisplayName("-f, --set and --revision shape the objects; --revision R equals --set revision=R")
  void flags() throws IOException {
    Path iop = dir.resolve("iop.yaml");
    Files.writeString(iop, "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: minimal\n");

    MeshctlValidateTest.Run r = meshctl("", "manifest", "generate", "-f", iop.toString(), "--set", "hub=foo",
        "--revision", "canary");
    MeshctlValidateTest.Run alias = meshctl("", "manifest", "generate", "-f", iop.toString(), "--set", "hub=foo",
        "--set", "revision=canary");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("name: istiod-canary\n", "image: foo/pilot:1.22.8")
        .doesNotContain("istio-ingressgateway");
    assertThat(alias.out()).isEqualTo(r.out());
  }

  @Test
  @DisplayName("--component keeps only the named components; an unknown component is a usage error")
  void component() {
    MeshctlValidateTest.Run r = meshctl("", "manifest", "generate", "--component", "IngressGateways");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("name: istio-ingressgateway\n").doesNotContain("name: istiod\n");
    assertThat(meshctl("", "manifest", "generate", "--component", "Nope").code()).isEqualTo(2);
  }

  @Test
  @DisplayName("bad input exits 1 naming the file or flag: unknown profile, bad overlay, two IstioOperators in one file")
  void errors() throws IOException {
    Path two = dir.resolve("two.yaml");
    Files.writeString(two, "kind: IstioOperator\nspec: {}\n---\nkind: IstioOperator\nspec: {}\n");
    Path overlay = dir.resolve("overlay.yaml");
    Files.writeString(overlay, "kind: IstioOperator\nspec:\n  components:\n    pilot:\n      k8s:\n"
        + "        overlays: [{kind: Service, name: nope}]\n");

    MeshctlValidateTest.Run unknown = meshctl("", "manifest", "generate", "--set", "profile=nope");
    MeshctlValidateTest.Run multiple = meshctl("", "manifest", "generate", "-f", two.toString());
    MeshctlValidateTest.Run badOverlay = meshctl("", "manifest", "generate", "-f", overlay.toString());

    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("unknown profile nope");
    assertThat(multiple.code()).isEqualTo(1);
    assertThat(multiple.err()).contains("contains multiple IstioOperator CRs");
    assertThat(badOverlay.code()).isEqualTo(1);
    assertThat(badOverlay.err()).contains("components.pilot.k8s.overlays[0]", "Service nope");
  }

  @Test
  @DisplayName("manifest diff: identical files exit 0; differences exit 1 with object and field paths")
  void diff() throws IOException {
    Path a = dir.resolve("a.yaml");
    Path b = dir.resolve("b.yaml");
    Files.writeString(a, meshctl("", "manifest", "generate", "--set", "profile=minimal").out());
    Files.writeString(b, meshctl("", "manifest", "generate", "--set", "profile=minimal",
        "--set", "values.pilot.autoscaleMax=7").out());

    MeshctlValidateTest.Run same = meshctl("", "manifest", "diff", a.toString(), a.toString());
    MeshctlValidateTest.Run different = meshctl("", "manifest", "diff", a.toString(), b.toString());

    assertThat(same.code()).isZero();
    assertThat(same.out()).isEqualTo("Manifests are identical\n");
    assertThat(different.code()).isEqualTo(1);
    assertThat(different.out()).contains("Object HorizontalPodAutoscaler:istio-system:istiod has diffs:\n"
        + "  spec.maxReplicas: 5 -> 7");
    assertThat(meshctl("", "manifest", "diff", a.toString(), dir.resolve("missing.yaml").toString()).code())
        .isEqualTo(2);
  }
}
