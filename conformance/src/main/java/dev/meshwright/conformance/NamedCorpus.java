package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
