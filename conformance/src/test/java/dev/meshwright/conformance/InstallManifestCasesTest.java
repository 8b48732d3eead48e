package dev.meshwright.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.cli.Meshctl;
import dev.meshwright.install.ProfileSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallManifestCasesTest {
  @TempDir Path dir;

  @BeforeEach
  void snapshotProfiles() throws IOException {
    Path profiles = Files.createDirectories(dir.resolve("snapshot/profiles"));
    for (String name : ProfileSource.builtin().names()) {
      Files.writeString(profiles.resolve(name + ".yaml"), ProfileSource.builtin().read(name).orElseThrow());
    }
    Files.createDirectories(dir.resolve("goldens"));
    Files.createDirectories(dir.resolve("inputs"));
    Files.writeString(dir.resolve("inputs/minimal.yaml"),
        "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: minimal\n");
  }

  private static String generate(String... args) {
    StringWriter out = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "manifest";
    all[1] = "generate";
    System.arraycopy(args, 0, all, 2, args.length);
    Meshctl.run(all, InputStream.nullInputStream(), new PrintWriter(out), new PrintWriter(new StringWriter()));
    return out.toString();
  }

  @Test
  @DisplayName("a golden case passes on equal object sets and structures, and says which of the two differs")
  void goldenCases() throws IOException {
    // goldens are the unstamped test build's output: the runner passes its hub and tag, so render them with it
    String istiod = java.util.Arrays.stream(generate("--set", "profile=minimal", "--set", "hub=gcr.io/istio-testing",
            "--set", "tag=latest", "--component", "Pilot").split("\n---\n"))
        .filter(d -> d.contains("kind: Deployment\n")).findFirst().orElseThrow();
    Files.writeString(dir.resolve("goldens/same.yaml"), istiod);
    Files.writeString(dir.resolve("goldens/image.yaml"), istiod.replace("pilot:latest", "pilot:other"));
    Files.writeString(dir.resolve("goldens/fewer.yaml"), "");
    Files.writeString(dir.resolve("cases.yaml"), """
        golden_cases:
        - id: same
          command: manifest generate
          inputs: [inputs/minimal.yaml]
          flags: [-o, /ignored]
          compares: {select: "Deployment:*:istiod"}
          golden: {file: same.yaml}
        - id: image
          command: manifest generate
          inputs: [inputs/minimal.yaml]
          flags: []
          compares: {select: "Deployment:*:istiod"}
          golden: {file: image.yaml}
        - id: fewer
          command: manifest generate
          inputs: [inputs/minimal.yaml]
          flags: []
          compares: {select: "Deployment:*:istiod"}
          golden: {file: fewer.yaml}
        """);

    CorpusResult r = new InstallCorpus("install").run(dir);

    assertThat(r.summary()).isEqualTo("install: 1/3 passed");
    assertThat(r.reasons().get("image")).startsWith("object set right, structure differs: Deployment:istio-system:istiod");
    assertThat(r.reasons().get("fewer")).isEqualTo("object set differs: extra [Deployment:istio-system:istiod], missing []");
  }

  @Test
  @DisplayName("assertion cases check paths, counts and errors; reconcile cases are reported as not implemented")
  void assertionCases() throws IOException {
    Files.writeString(dir.resolve("profiles.yaml"), "");
    Files.createDirectories(dir.resolve("profiles"));
    for (String name : ProfileSource.builtin().names()) {
      Files.writeString(dir.resolve("profiles/" + name + ".yaml"), ProfileSource.builtin().read(name).orElseThrow());
    }
    Files.writeString(dir.resolve("cases.yaml"), """
        assertion_cases:
        - id: hub
          command: manifest generate
          scope: manifest generate
          chart_source: live
          inputs: [inputs/minimal.yaml]
          flags: [-s, hub=foo]
          expect:
          - object: {kind: Deployment, name: istiod}
            container: discovery
            path: image
            equals: foo/pilot:latest
          - {count: {kind: HorizontalPodAutoscaler}, equals: 1}
          - {referential: every ClusterRoleBinding roleRef.name names a ClusterRole present in the output}
        - id: wrong
          command: manifest generate
          scope: manifest generate
          chart_source: live
          inputs: [inputs/minimal.yaml]
          flags: []
          expect:
          - {absent: {kind: Deployment, name: istiod}}
        - id: reconcile
          command: operator reconcile (fake cluster)
          scope: reconcile
          inputs: []
          flags: []
          expect: [{expect_error: null}]
        """);

    CorpusResult r = new InstallCorpus("install").run(dir);

    assertThat(r.summary()).isEqualTo("install: 1/3 passed");
    assertThat(r.reasons().get("wrong")).contains("unexpected");
    assertThat(r.reasons().get("reconcile")).startsWith("not implemented");
  }
}
