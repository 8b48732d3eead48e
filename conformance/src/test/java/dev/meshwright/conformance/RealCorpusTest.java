package dev.meshwright.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshwright.conformance.CorpusResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Runs every corpus of the real Istio 1.22 corpus (system property {@code meshwright.corpus}) and checks the baseline. */
class RealCorpusTest {
  @Test
  @DisplayName("the real corpus runs without error lines and stays at or above conformance/baseline.json")
  void realCorpus() throws IOException {
    String property = System.getProperty("meshwright.corpus", "");
    Path root = Path.of(property.isEmpty() ? "../../shared/conformance/istio-1.22" : property);
    assumeTrue(Files.isDirectory(root), "corpus not found at " + root.toAbsolutePath()
        + " (set -Dmeshwright.corpus=DIR); skipping the real-corpus run");

    List<CorpusResult> results = Corpora.runAll(root, List.of());
    results.forEach(r -> System.out.println(r.summary()));

    assertThat(results).extracting(CorpusResult::name).contains("validation", "analyze", "install");
    assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.summary()).isNotEqualTo(Status.ERROR));
    CorpusResult validation = results.stream().filter(r -> r.name().equals("validation")).findFirst().orElseThrow();
    assertThat(validation.total()).isGreaterThanOrEqualTo(322);
    assertThat(Baseline.read(Path.of("baseline.json")).regressions(results)).isEmpty();
  }
}
