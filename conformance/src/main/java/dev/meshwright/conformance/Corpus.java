package dev.meshwright.conformance;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One kind of conformance corpus: knows the layout of its folder and how to check Meshwright against it.
 * Implementations are stateless and registered in {@link Corpora}.
 *
 * <p>{@link #run} reads every case found in the folder, so cases added in the same layout are picked up
 * without code changes. A case that fails is a counted failure, never an exception; an exception means
 * the folder itself could not be read, and the runner reports it as an error line.
 */
public interface Corpus {
  /** The name printed in front of the result line: the corpus folder's name. */
  String name();

  /** Runs every case under {@code dir} (the corpus folder) and counts the passes. */
  CorpusResult run(Path dir) throws IOException;
}
