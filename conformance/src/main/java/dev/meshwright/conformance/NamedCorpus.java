package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Base of the corpus implementations: the folder name they report under, and reading a case table. */
abstract class NamedCorpus implements Corpus {
  /** Plain YAML reading for case tables and goldens (not Meshwright's strict codec). */
  static final ObjectMapper YAML = new YAMLMapper();

  private final String name;

  NamedCorpus(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  /** The corpus folder's {@code cases.yaml} as a tree. */
  static JsonNode caseTable(Path dir) throws IOException {
    return YAML.readTree(Files.readString(dir.resolve(NotImplementedCorpus.CASES_FILE)));
  }

  /** The {@code cases} list of the folder's {@code cases.yaml}; an {@link IOException} when there is none. */
  static JsonNode cases(Path dir) throws IOException {
    JsonNode root = caseTable(dir);
    JsonNode cases = root == null ? null : root.get("cases");
    if (cases == null || !cases.isArray()) {
      throw new IOException(dir.resolve(NotImplementedCorpus.CASES_FILE) + ": no 'cases' list");
    }
    return cases;
  }

  /** Checks one case: why it fails, or empty when it passes. */
  @FunctionalInterface
  interface CaseCheck {
    /** Why {@code c} fails, or empty. */
    Optional<String> check(JsonNode c) throws IOException;
  }

  /** Runs {@code check} over {@code cases} and counts them as the result line {@code line}, naming cases by {@code name}. */
  static CorpusResult tally(String line, Iterable<JsonNode> cases, Function<JsonNode, String> name, CaseCheck check)
      throws IOException {
    int passed = 0;
    int total = 0;
    List<String> failing = new ArrayList<>();
    Map<String, String> reasons = new LinkedHashMap<>();
    for (JsonNode c : cases) {
      total++;
      Optional<String> failure = check.check(c);
      if (failure.isEmpty()) {
        passed++;
      } else {
        failing.add(name.apply(c));
        reasons.put(name.apply(c), failure.get());
      }
    }
    return CorpusResult.ran(line, passed, total, failing, reasons);
  }
}
