package dev.meshwright.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.yaml.ReadResult;
import dev.meshwright.api.yaml.MeshYaml;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CorpusGeneratorTest {
  @Test
  @DisplayName("benchmark input reads and validates cleanly, so the benchmark measures the happy path")
  void inputIsValid() {
    ReadResult read = MeshYaml.read("bench", CorpusGenerator.yaml(20));
    assertThat(read.diagnostics()).isEmpty();
    assertThat(read.resources()).hasSize(40)
        .allSatisfy(r -> assertThat(MeshValidator.create().validate(r)).isEmpty());
  }
}
