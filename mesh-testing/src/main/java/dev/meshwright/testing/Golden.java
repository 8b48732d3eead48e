package dev.meshwright.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: {@code Golden.assertMatches(path, actual)} compares text with a committed file; run with
 * {@code -Dgolden.update=true} to (re)write the files instead, then review the diff like any change.
 * A missing golden file is a failure unless updating.
 */
public final class Golden {
  /** The system property that switches to regenerating golden files. */
  public static final String UPDATE = "golden.update";

  private Golden() {}

  /** Whether this run rewrites golden files. */
  public static boolean updating() {
    return Boolean.getBoolean(UPDATE);
  }

  /** Asserts that {@code actual} equals the content of {@code golden}, or writes it when updating. */
  public static void assertMatches(Path golden, String actual) {
    try {
      if (updating()) {
        Files.createDirectories(golden.toAbsolutePath().getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(golden).as("golden file %s (create it with -D%s=true)", golden, UPDATE).exists();
      assertThat(actual).as("output differs from golden file %s (-D%s=true to regenerate)", golden, UPDATE)
          .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
