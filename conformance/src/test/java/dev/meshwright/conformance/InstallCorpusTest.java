package dev.meshwright.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallCorpusTest {
  @TempDir Path dir;

  @Test
  @DisplayName("profile command cases run through meshctl; manifest cases count as failing, never passing")
  void runsProfileCasesOnly() throws IOException {
    Files.writeString(dir.resolve("cases.yaml"), """
        golden_cases:
        - id: manifest-generate/x
          command: manifest generate
        profile_command_cases:
        - id: list
          command: profile list
          args: []
          output_contains_all: [default, demo, openshift-ambient]
        - id: diff-one-arg
          command: profile diff
          args: [demo]
          expect_failure: true
        - id: diff-same
          command: profile diff
          args: [demo, demo]
          output_contains: Profiles are identical
        - id: wrong-expectation
          command: profile list
          args: []
          output_contains: no-such-profile
        """);

    CorpusResult r = new InstallCorpus("install").run(dir);

    assertThat(r.summary()).isEqualTo("install: 3/5 passed");
    assertThat(r.failing()).containsExactly("manifest-generate/x", "wrong-expectation");
    assertThat(r.reasons().get("manifest-generate/x")).startsWith("not implemented yet");
  }
}
