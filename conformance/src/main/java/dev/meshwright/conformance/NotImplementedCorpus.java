package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A corpus with a {@code cases.yaml} table that Meshwright cannot run yet. It still reads the table, so a
 * malformed one shows up as an error line, and reports how many cases it holds; nothing counts as passed.
 * Stateless.
 */
final class NotImplementedCorpus extends NamedCorpus {
  /** The case table every non-validation corpus folder carries. */
  static final String CASES_FILE = "cases.yaml";


  NotImplementedCorpus(String name) {
    super(name);
  }

  @Override
  public CorpusResult run(Path dir) throws IOException {
    return CorpusResult.notImplemented(name(), countCases(dir.resolve(CASES_FILE)));
  }

  /**
   * The number of cases in a case table: the entries of its top-level {@code cases} list and of every
   * top-level {@code *_cases} list (install/ splits its cases that way).
   */
  static int countCases(Path casesFile) throws IOException {
    JsonNode root = YAML.readTree(Files.readString(casesFile));
    if (root == null || !root.isObject()) {
      throw new IOException(casesFile + ": not a YAML mapping");
    }
    int count = 0;
    boolean found = false;
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (e.getKey().equals("cases") || e.getKey().endsWith("_cases")) {
        if (!e.getValue().isArray()) {
          throw new IOException(casesFile + ": '" + e.getKey() + "' is not a list");
        }
        found = true;
        count += e.getValue().size();
      }
    }
    if (!found) {
      throw new IOException(casesFile + ": no 'cases' list");
    }
    return count;
  }
}
