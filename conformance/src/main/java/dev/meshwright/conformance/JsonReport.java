package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes results as JSON: {@code {"<line>": {"passed": P, "total": T, "status": "ran", "failing": [...]}}},
 * one entry per corpus line (extra lines included), in print order; an error line also has a
 * {@code message}. Stateless.
 */
public final class JsonReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /** The report as a JSON tree. */
  public static ObjectNode toTree(List<CorpusResult> results) {
    ObjectNode root = JSON.createObjectNode();
    for (CorpusResult corpus : results) {
      for (CorpusResult line : corpus.lines()) {
        ObjectNode node = root.putObject(line.name());
        node.put("passed", line.passed());
        node.put("total", line.total());
        node.put("status", line.status().label());
        ArrayNode failing = node.putArray("failing");
        line.failing().forEach(failing::add);
        if (!line.message().isEmpty()) {
          node.put("message", line.message());
        }
      }
    }
    return root;
  }

  /** Writes the report to {@code file}, creating parent folders. */
  public static void write(List<CorpusResult> results, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, JSON.writeValueAsString(toTree(results)) + "\n");
  }
}
