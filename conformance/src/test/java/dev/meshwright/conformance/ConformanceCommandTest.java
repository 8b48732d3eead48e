package dev.meshwright.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConformanceCommandTest {
  @TempDir Path dir;
  private Path root;
  private final StringWriter out = new StringWriter();

  @BeforeEach
  void writeCorpus() throws IOException {
    root = TinyCorpus.write(dir.resolve("corpus"));
  }

  private int run(String... args) {
    CommandLine cl = ConformanceCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(out));
    return cl.execute(args);
  }

  @Test
  @DisplayName("prints one line per corpus line and exits 0 although cases fail")
  void printsLines() {
    int code = run("--corpus-root", root.toString());

    assertThat(code).isZero();
    assertThat(out.toString()).contains(
        "broken: error: ", "future: not implemented (2 cases)", "install: 0/3 passed",
        "validation: 2/4 passed", "validation-verdicts: 3/4", "validation-valid-configs: 1/2");
  }

  @Test
  @DisplayName("--json writes passed, total, status and failing case names per line")
  void json() throws IOException {
    Path file = dir.resolve("out/results.json");

    assertThat(run("--corpus-root", root.toString(), "--json", file.toString())).isZero();

    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("validation").get("passed").asInt()).isEqualTo(2);
    assertThat(json.get("validation").get("total").asInt()).isEqualTo(4);
    assertThat(json.get("validation").get("status").asText()).isEqualTo("ran");
    assertThat(json.get("validation").get("failing")).extracting(JsonNode::asText)
        .containsExactly("peerauthentication-wrong-substring.yaml", "peerauthentication-wrong-verdict.yaml");
    assertThat(json.get("validation-valid-configs").get("passed").asInt()).isEqualTo(1);
    assertThat(json.get("future").get("status").asText()).isEqualTo("not-implemented");
    assertThat(json.get("future").get("passed").asInt()).isZero();
    assertThat(json.get("broken").get("status").asText()).isEqualTo("error");
    assertThat(json.has("crds")).isFalse();
  }

  @Test
  @DisplayName("--only runs just the named corpora")
  void only() {
    assertThat(run("--corpus-root", root.toString(), "--only", "future,install")).isZero();

    assertThat(out.toString()).contains("future:", "install:").doesNotContain("validation", "broken");
  }

  @Test
  @DisplayName("the ratchet fails naming every line whose count fell below the baseline, and passes at or above it")
  void ratchet() throws IOException {
    Path baseline = dir.resolve("baseline.json");
    new Baseline(Map.of("validation", 3, "validation-valid-configs", 2, "validation-verdicts", 3)).write(baseline);

    assertThat(run("--corpus-root", root.toString(), "--check-baseline", baseline.toString()))
        .isEqualTo(ConformanceCommand.RATCHET_FAILED);
    assertThat(out.toString())
        .contains("below baseline: validation: 2 passed, baseline requires 3")
        .contains("below baseline: validation-valid-configs: 1 passed, baseline requires 2")
        .doesNotContain("below baseline: validation-verdicts");

    new Baseline(Map.of("validation", 2, "validation-verdicts", 3)).write(baseline);
    assertThat(run("--corpus-root", root.toString(), "--check-baseline", baseline.toString())).isZero();
  }

  @Test
  @DisplayName("a corpus that cannot be read counts as 0 passed for the ratchet")
  void ratchetOnError() throws IOException {
    Path baseline = dir.resolve("baseline.json");
    new Baseline(Map.of("broken", 1)).write(baseline);

    assertThat(run("--corpus-root", root.toString(), "--check-baseline", baseline.toString()))
        .isEqualTo(ConformanceCommand.RATCHET_FAILED);
  }

  @Test
  @DisplayName("--write-baseline raises the minimums of lines that ran and never lowers one")
  void writeBaseline() throws IOException {
    Path baseline = dir.resolve("baseline.json");
    new Baseline(Map.of("validation", 1, "validation-verdicts", 4, "other", 7)).write(baseline);

    assertThat(run("--corpus-root", root.toString(), "--write-baseline", baseline.toString())).isZero();

    assertThat(Baseline.read(baseline).minimums()).containsOnly(
        Map.entry("validation", 2), Map.entry("validation-verdicts", 4), Map.entry("validation-warnings", 1),
        Map.entry("validation-valid-configs", 1), Map.entry("install", 0), Map.entry("other", 7));
  }

  @Test
  @DisplayName("a missing corpus root is skipped with a message and exit code 0")
  void missingRoot() {
    assertThat(run("--corpus-root", dir.resolve("absent").toString())).isZero();

    assertThat(out.toString()).contains("not found; skipping");
  }

  @Test
  @DisplayName("an unreadable baseline is a runner error (exit 2)")
  void runnerError() throws IOException {
    Path baseline = Files.writeString(dir.resolve("baseline.json"), "{not json");

    assertThat(run("--corpus-root", root.toString(), "--check-baseline", baseline.toString()))
        .isEqualTo(ConformanceCommand.RUNNER_ERROR);
    assertThat(out.toString()).contains("conformance: error:");
  }
}
