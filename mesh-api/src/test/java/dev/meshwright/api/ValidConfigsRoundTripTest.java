package dev.meshwright.api;

import dev.meshwright.testing.Corpus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.kinds.IstioKinds;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every document of {@code <corpus>/validation/valid-configs/} reads and writes back (keeping its
 * apiVersion) to the same structure: compared as Jackson trees after dropping nulls and empty values,
 * with numbers and durations compared by value. Documents of Istio kinds not in {@link IstioKinds} are
 * counted and skipped while {@code crd.coverage.allowMissingKinds=true}.
 */
class ValidConfigsRoundTripTest {
  private static final MeshYaml CODEC = MeshYaml.standard().withApiVersions(MeshYaml.ApiVersions.PRESERVE);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern DURATION = Pattern.compile("(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+");
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
  private static final Map<String, BigDecimal> UNIT_NANOS = Map.of(
      "ns", BigDecimal.ONE, "us", BigDecimal.valueOf(1_000), "µs", BigDecimal.valueOf(1_000),
      "ms", BigDecimal.valueOf(1_000_000), "s", BigDecimal.valueOf(1_000_000_000L),
      "m", BigDecimal.valueOf(60_000_000_000L), "h", BigDecimal.valueOf(3_600_000_000_000L));

  @Test
  @DisplayName("every valid-configs document survives read and write unchanged in structure")
  void roundTrip() throws IOException {
    Path dir = Corpus.require("validation/valid-configs");
    boolean allowMissingKinds = Boolean.getBoolean("crd.coverage.allowMissingKinds");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    List<String> failures = new ArrayList<>();
    int documents = 0;
    int compared = 0;
    int skipped = 0;
    for (Path file : files) {
      int index = 0;
      for (JsonNode original : documents(Files.readString(file))) {
        String where = dir.relativize(file) + "#" + index++;
        documents++;
        String apiVersion = original.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String kind = original.path("kind").asText();
        if (IstioKinds.isIstioGroup(group) && IstioKinds.find(group, kind).isEmpty()) {
          skipped++;
          if (!allowMissingKinds) {
            failures.add(where + ": " + kind + " is not registered in IstioKinds");
          }
          continue;
        }
        ReadResult read = CODEC.readAll(where, MeshJackson.yaml().writeValueAsString(original));
        if (read.hasErrors() || read.documents().size() != 1) {
          failures.add(where + ": does not read: " + read.diagnostics());
          continue;
        }
        compared++;
        JsonNode written = MeshJackson.yaml().readTree(CODEC.writeYaml(read.resources().get(0)));
        JsonNode want = normalize(withoutRemovedFields(original, read));
        JsonNode got = normalize(written);
        if (!want.equals(got)) {
          failures.add(where + ": " + kind + " differs after the round trip\n  read:  " + want + "\n  wrote: " + got);
        }
      }
    }
    System.out.printf("valid-configs round trip: %d files, %d documents, %d compared, %d skipped (kind not registered)%n",
        files.size(), documents, compared, skipped);
    assertThat(compared).as("documents compared").isPositive();
    assertThat(failures).as("documents that do not round-trip").isEmpty();
  }

  /**
   * Fields Istio removed from its API are read with a warning and not written back; take them out of the
   * expectation, at exactly the paths the warnings name, and nothing else.
   */
  private static JsonNode withoutRemovedFields(JsonNode original, ReadResult read) {
    JsonNode copy = original.deepCopy();
    for (dev.meshwright.api.Diagnostic d : read.diagnostics()) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("field \"(.+)\" was removed from Istio's API.*")
          .matcher(d.message());
      if (m.matches()) {
        JsonNode parent = copy.at("/" + d.path().replace(".", "/").replaceAll("\\[(\\d+)\\]", "/$1"));
        if (parent instanceof com.fasterxml.jackson.databind.node.ObjectNode obj) {
          obj.remove(m.group(1));
        }
      }
    }
    return copy;
  }

  @Test
  @DisplayName("normalising drops empty values and compares numbers and durations by value, nothing else")
  void normalisation() throws IOException {
    JsonNode a = MeshJackson.yaml().readTree("a: 1.0\nb: 60s\nc: {}\nd: []\ne: ''\nf: null\ng: [x]\nh: '8080'\n");
    JsonNode b = MeshJackson.yaml().readTree("a: 1\nb: 1m\ng: [x]\nh: 8080\n");
    assertThat(normalize(a)).isEqualTo(normalize(b));
    assertThat(normalize(MeshJackson.yaml().readTree("g: [x, y]"))).isNotEqualTo(normalize(b));
    assertThat(normalize(MeshJackson.yaml().readTree("b: 61s"))).isNotEqualTo(normalize(MeshJackson.yaml().readTree("b: 1m")));
    assertThat(normalize(MeshJackson.yaml().readTree("b: 1m0.5s"))).isEqualTo(normalize(MeshJackson.yaml().readTree("b: 60500ms")));
  }

  /** The non-empty documents of a YAML text (a trailing {@code ---} gives an empty one), with the items of {@code kind: *List} documents taken out. */
  private static List<JsonNode> documents(String text) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = MeshJackson.yaml().readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc == null || isEmpty(doc)) {
          continue;
        }
        if (doc.path("kind").asText().endsWith("List") && doc.path("items").isArray()) {
          doc.path("items").forEach(out::add);
        } else {
          out.add(doc);
        }
      }
    }
    return out;
  }

  /**
   * A canonical copy: nulls and empty strings, objects and lists left out; numbers, and strings that read
   * as numbers or durations, replaced by their value.
   */
  static JsonNode normalize(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        JsonNode v = normalize(e.getValue());
        if (!isEmpty(v)) {
          out.set(e.getKey(), v);
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(v -> out.add(normalize(v)));
      return out;
    }
    if (node.isNumber()) {
      return NODES.textNode("number:" + node.decimalValue().stripTrailingZeros().toPlainString());
    }
    if (node.isTextual()) {
      return NODES.textNode(canonicalText(node.asText()));
    }
    return node;
  }

  private static String canonicalText(String s) {
    try {
      return "number:" + new BigDecimal(s).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException notANumber) {
      // fall through
    }
    if (DURATION.matcher(s).matches()) {
      return "duration:" + goDurationNanos(s);
    }
    return s;
  }

  /** Nanoseconds of a Go-style duration ({@code 1m30s}, {@code 8ms}, {@code 0.5s}); its syntax is checked by the caller. */
  private static BigDecimal goDurationNanos(String s) {
    Matcher part = DURATION_PART.matcher(s);
    BigDecimal nanos = BigDecimal.ZERO;
    while (part.find()) {
      nanos = nanos.add(new BigDecimal(part.group(1)).multiply(UNIT_NANOS.get(part.group(3))));
    }
    return nanos.stripTrailingZeros();
  }

  private static boolean isEmpty(JsonNode v) {
    return v.isNull() || v.isMissingNode() || (v.isTextual() && v.asText().isEmpty())
        || (v.isContainerNode() && v.size() == 0);
  }
}
