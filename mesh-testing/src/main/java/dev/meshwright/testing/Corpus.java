package dev.meshwright.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Istio 1.22 conformance corpus: {@code ../shared/conformance/istio-1.22} next to the repository, or
 * the directory named by the system property {@code meshwright.corpus} (the parent POM sets it for every
 * module). The project never commits the corpus, so tests that need it skip with a clear message where
 * it is absent.
 */
public final class Corpus {
  /** The system property that overrides the corpus location. */
  public static final String PROPERTY = "meshwright.corpus";

  private Corpus() {}

  /** The corpus root, whether or not it exists. */
  public static Path root() {
    String configured = System.getProperty(PROPERTY);
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of("..", "..", "shared", "conformance", "istio-1.22");
  }

  /**
   * The folder {@code relative} inside the corpus; skips the calling test (JUnit assumption) with a
   * message naming the missing path when it does not exist.
   */
  public static Path require(String relative) {
    Path dir = root().resolve(relative);
    assumeTrue(Files.exists(dir),
        () -> "conformance corpus not found at " + dir.toAbsolutePath().normalize()
            + " (set -D" + PROPERTY + "=DIR); skipping");
    return dir;
  }
}
