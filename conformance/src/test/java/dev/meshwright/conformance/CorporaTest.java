package dev.meshwright.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.conformance.CorpusResult.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorporaTest {
  @TempDir Path root;

  @BeforeEach
  void writeCorpus() throws IOException {
    TinyCorpus.write(root);
  }

  private Map<String, CorpusResult> linesByName(List<String> only) throws IOException {
    return Corpora.runAll(root, only).stream().flatMap(r -> r.lines().stream())
        .collect(Collectors.toMap(CorpusResult::name, Function.identity()));
  }

  @Test
  @DisplayName("every folder with a case table or a cases/ folder is a corpus, in name order; other folders are not")
  void discovery() throws IOException {
    assertThat(Corpora.discover(root, List.of())).extracting(Corpus::name)
        .containsExactly("broken", "future", "install", "validation");
    assertThat(Corpora.discover(root, List.of("install", "validation"))).extracting(Corpus::name)
        .containsExactly("install", "validation");
  }

  @Test
  @DisplayName("validation counts verdict+substring, verdict only, warnings and valid-configs as separate lines")
  void validationCounts() throws IOException {
    Map<String, CorpusResult> lines = linesByName(List.of("validation"));

    CorpusResult strict = lines.get("validation");
    assertThat(strict.status()).isEqualTo(Status.RAN);
    assertThat(strict.passed()).isEqualTo(2);
    assertThat(strict.total()).isEqualTo(4);
    assertThat(strict.failing()).containsExactly(
        "peerauthentication-wrong-substring.yaml", "peerauthentication-wrong-verdict.yaml");
    assertThat(strict.reasons().get("peerauthentication-wrong-verdict.yaml")).startsWith("want invalid: anything, got valid");

    assertThat(lines.get("validation-verdicts").passed()).isEqualTo(3);
    assertThat(lines.get("validation-verdicts").failing()).containsExactly("peerauthentication-wrong-verdict.yaml");
    assertThat(lines.get("validation-warnings")).extracting(CorpusResult::passed, CorpusResult::total).containsExactly(1, 2);
    CorpusResult configs = lines.get("validation-valid-configs");
    assertThat(configs).extracting(CorpusResult::passed, CorpusResult::total).containsExactly(1, 2);
    assertThat(configs.failing()).containsExactly("sub/dirty.yaml");
    assertThat(strict.summary()).isEqualTo("""
        validation: 2/4 passed
        validation-verdicts: 3/4
        validation-warnings: 1/2
        validation-valid-configs: 1/2""");
  }

  @Test
  @DisplayName("corpora without an implementation report their case count; cases install cannot run fail; a bad table is an error line")
  void notImplementedAndErrors() throws IOException {
    Map<String, CorpusResult> lines = linesByName(List.of());

    assertThat(lines.get("future").summary()).isEqualTo("future: not implemented (2 cases)");
    assertThat(lines.get("install")).extracting(CorpusResult::status, CorpusResult::passed, CorpusResult::total)
        .containsExactly(Status.RAN, 0, 3);
    assertThat(lines.get("broken").status()).isEqualTo(Status.ERROR);
    assertThat(lines.get("broken").summary()).startsWith("broken: error: ");
  }

  @Test
  @DisplayName("a validation folder without cases/ is an error line, not an exception")
  void validationWithoutCases() {
    CorpusResult r = Corpora.run(new ValidationCorpus("validation"), root.resolve("future"));
    assertThat(r.status()).isEqualTo(Status.ERROR);
    assertThat(r.message()).contains("no cases/ folder");
  }
}
