package dev.meshwright.conformance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ratchet: the minimum passed count of every corpus line ({@code conformance/baseline.json}, a JSON
 * object of line name to count). A run may only keep or raise these counts. Immutable.
 *
 * @param minimums minimum passed count per line name
 */
public record Baseline(Map<String, Integer> minimums) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public Baseline {
    minimums = Map.copyOf(minimums);
  }

  /** Reads a baseline file; a missing file is an empty baseline. */
  public static Baseline read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new Baseline(Map.of());
    }
    return new Baseline(JSON.readValue(file.toFile(), new TypeReference<Map<String, Integer>>() {}));
  }

  /** Writes the baseline, keys sorted, ending with a newline. */
  public void write(Path file) throws IOException {
    Files.writeString(file, JSON.writeValueAsString(new TreeMap<>(minimums)) + "\n");
  }

  /**
   * One message per line of {@code results} whose passed count fell below its minimum; a line the
   * baseline lists but that did not run (not implemented, error) counts as 0 passed. Lines of corpora
   * that were not run at all (left out with {@code --only}) are not checked.
   */
  public List<String> regressions(List<CorpusResult> results) {
    List<String> out = new ArrayList<>();
    for (CorpusResult corpus : results) {
      for (CorpusResult line : corpus.lines()) {
        Integer min = minimums.get(line.name());
        if (min != null && line.passed() < min) {
          out.add(line.name() + ": " + line.passed() + " passed, baseline requires " + min);
        }
      }
    }
    return out;
  }

  /** This baseline with every line that ran raised to its passed count (never lowered). */
  public Baseline raisedTo(List<CorpusResult> results) {
    Map<String, Integer> next = new TreeMap<>(minimums);
    for (CorpusResult corpus : results) {
      for (CorpusResult line : corpus.lines()) {
        if (line.status() == CorpusResult.Status.RAN) {
          next.merge(line.name(), line.passed(), Math::max);
        }
      }
    }
    return new Baseline(next);
  }
}
