package dev.meshwright.install.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * YAML text of manifests: each object with its keys sorted, followed by a blank line and {@code ---}, as
 * istioctl prints them; and the reverse, every mapping document of a multi-document text. Stateless.
 */
public final class ManifestYaml {
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());

  private ManifestYaml() {}

  /** Every object of {@code manifest}, in order, as multi-document YAML. */
  public static String write(Manifest manifest) {
    StringBuilder sb = new StringBuilder();
    for (ManifestObject o : manifest.objects()) {
      sb.append(write(o.content())).append("\n---\n");
    }
    return sb.toString();
  }

  /** One object as YAML with sorted keys. */
  public static String write(JsonNode object) {
    try {
      return YAML.writeValueAsString(sorted(object));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of {@code node} with every map's keys in sorted order. */
  public static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode o) {
      Map<String, JsonNode> entries = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        entries.put(e.getKey(), sorted(e.getValue()));
      }
      ObjectNode out = Tree.NODES.objectNode();
      entries.forEach(out::set);
      return out;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode out = Tree.NODES.arrayNode();
      a.forEach(e -> out.add(sorted(e)));
      return out;
    }
    return node;
  }

  /**
   * The mapping documents of {@code text} (empty documents skipped), or an {@link IOException} whose message
   * says what is not YAML or not a mapping.
   */
  public static List<ObjectNode> read(String text) throws IOException {
    List<ObjectNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      int index = 0;
      while (it.hasNextValue()) {
        JsonNode d = it.nextValue();
        if (d == null || d.isNull() || d.isMissingNode() || (d.isTextual() && d.asText().isBlank())) {
          index++;
          continue;
        }
        if (!(d instanceof ObjectNode o)) {
          throw new IOException("document " + index + " is not a mapping");
        }
        out.add(o);
        index++;
      }
    } catch (RuntimeException e) {
      throw new IOException(String.valueOf(e.getMessage()).lines().findFirst().orElse("not valid YAML"), e);
    }
    return out;
  }
}
