package dev.meshwright.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse + bind + validate of VirtualServices and DestinationRules (issue: 10,000 documents), next to the
 * floor for any YAML-reading library: plain Jackson YAML parsing of the same text into untyped maps.
 * Each invocation handles the whole text; divide {@code 2 * pairs} by the time for documents per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class CodecBenchmark {
  @Param("5000")
  public int pairs;

  private String yaml;
  private String json;
  private final YAMLMapper plainYaml = new YAMLMapper();
  private final ObjectMapper plainJson = new ObjectMapper();
  private final MeshValidator validator = MeshValidator.create();

  @Setup
  public void setUp() throws IOException {
    yaml = CorpusGenerator.yaml(pairs);
    ObjectNode list = plainJson.createObjectNode().put("apiVersion", "v1").put("kind", "List");
    ArrayNode items = list.putArray("items");
    for (String doc : CorpusGenerator.yamlDocuments(pairs)) {
      items.add(plainYaml.readTree(doc));
    }
    json = plainJson.writeValueAsString(list);
    for (String text : List.of(yaml, json)) {
      int count = typed(text);
      if (count != 2 * pairs) {
        ReadResult r = MeshYaml.read("bench", text);
        throw new IllegalStateException("benchmark input does not read cleanly: " + count + " valid of "
            + 2 * pairs + "; first problems: " + r.diagnostics().stream().limit(3).toList());
      }
    }
  }

  /** Typed path: read YAML, bind every document to its kind, validate it; returns how many were valid. */
  @Benchmark
  public int typedYaml() {
    return typed(yaml);
  }

  /** Typed path on the same documents as one JSON {@code List}. */
  @Benchmark
  public int typedJson() {
    return typed(json);
  }

  /** Floor: Jackson YAML into untyped maps, no binding, no validation. */
  @Benchmark
  public int baselineYamlMaps() throws IOException {
    int n = 0;
    try (JsonParser p = plainYaml.createParser(yaml);
        MappingIterator<Map<?, ?>> it = plainYaml.readerFor(Map.class).readValues(p)) {
      while (it.hasNext()) {
        n += it.next().size();
      }
    }
    return n;
  }

  /** Floor for JSON: Jackson into an untyped tree. */
  @Benchmark
  public int baselineJsonMaps() throws IOException {
    JsonNode root = plainJson.readTree(json);
    return root.get("items").size();
  }

  private int typed(String text) {
    ReadResult read = MeshYaml.read("bench", text);
    int valid = 0;
    for (MeshResource r : read.resources()) {
      List<Diagnostic> problems = validator.validate(r);
      if (problems.stream().noneMatch(Diagnostic::isError)) {
        valid++;
      }
    }
    return read.hasErrors() ? -1 : valid;
  }
}
