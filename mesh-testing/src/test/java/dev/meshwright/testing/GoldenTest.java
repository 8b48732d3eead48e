package dev.meshwright.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenTest {
  @TempDir Path dir;

  @Test
  @DisplayName("a matching golden file passes; a different or missing one fails naming the switch")
  void compares() throws IOException {
    Path file = dir.resolve("out.yaml");
    Files.writeString(file, "a: 1\n");
    Golden.assertMatches(file, "a: 1\n");
    assertThatThrownBy(() -> Golden.assertMatches(file, "a: 2\n")).hasMessageContaining("golden.update");
    assertThatThrownBy(() -> Golden.assertMatches(dir.resolve("missing.yaml"), "x")).hasMessageContaining("golden.update");
  }

  @Test
  @DisplayName("with golden.update=true the file is written instead of compared")
  void updates() throws IOException {
    Path file = dir.resolve("sub/new.yaml");
    System.setProperty(Golden.UPDATE, "true");
    try {
      Golden.assertMatches(file, "b: 2\n");
    } finally {
      System.clearProperty(Golden.UPDATE);
    }
    assertThat(Files.readString(file)).isEqualTo("b: 2\n");
  }

  @Test
  @DisplayName("the corpus root honours the system property")
  void corpusRoot() {
    String before = System.getProperty(Corpus.PROPERTY);
    System.setProperty(Corpus.PROPERTY, dir.toString());
    try {
      assertThat(Corpus.root()).isEqualTo(dir);
      assertThat(Corpus.require(".")).isEqualTo(dir.resolve("."));
    } finally {
      if (before == null) {
        System.clearProperty(Corpus.PROPERTY);
      } else {
        System.setProperty(Corpus.PROPERTY, before);
      }
    }
  }
}
