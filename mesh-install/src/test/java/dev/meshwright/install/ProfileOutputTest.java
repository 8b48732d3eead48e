package dev.meshwright.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProfileOutputTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  @DisplayName("flags: sorted leaves, strings Go-quoted, list indexes, escaped dots, empty maps dropped")
  void flags() throws IOException {
    JsonNode node = YAML.readTree("b: {x.y: \"s\\\"q\"}\na: [1, {k: true}]\nc: {}\n");

    assertThat(ProfileOutput.flags(node)).isEqualTo("a[0]=1\na[1].k=true\nb.x\\.y=\"s\\\"q\"\n");
  }

  @Test
  @DisplayName("yaml: sorted keys, risky strings quoted, empty maps inline, reads back to the same tree")
  void yaml() throws IOException {
    JsonNode node = YAML.readTree("z: \"\"\na: {m: \"1.0\", t: \"true\", s: plain, e: {}, l: [x, {k: v, j: w}]}\n");
    String text = ProfileOutput.yaml(node, 2);

    assertThat(text).isEqualTo("a:\n  e: {}\n  l:\n  - x\n  - j: w\n    k: v\n  m: \"1.0\"\n  s: plain\n"
        + "  t: \"true\"\nz: \"\"\n");
    assertThat(YAML.readTree(ProfileOutput.yaml(node, 4))).isEqualTo(node);
  }

  @Test
  @DisplayName("diff: identical documents, else -/+ lines")
  void diff() {
    assertThat(ProfileDiff.diff("a\nb\n", "a\nb\n")).isEqualTo("Profiles are identical\n");
    assertThat(ProfileDiff.diff("a\nb\nc\n", "a\nx\nc\n")).isEqualTo(" a\n-b\n+x\n c\n");
  }
}
