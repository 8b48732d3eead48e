package dev.meshwright.inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshwright.api.json.MeshJackson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Offline {@code istioctl kube-inject}: rewrites a multi-document YAML text, injecting the pod of every Pod,
 * Deployment, DaemonSet, StatefulSet, ReplicaSet, ReplicationController, Job, CronJob and DeploymentConfig (also
 * inside a {@code List}), written with sorted keys and the empty structs Go's serializer adds. Other kinds pass
 * through verbatim. A pod that opts out, runs on the host network or sits
 * in an ignored namespace is left alone with a warning. Objects are recognised by {@code kind} alone. Pure and
 * thread-safe.
 */
public final class KubeInject {
  /** Kinds whose pod is injected. */
  public static final Set<String> KINDS = Set.of("Pod", "Deployment", "DaemonSet", "StatefulSet", "ReplicaSet",
      "ReplicationController", "Job", "CronJob", "DeploymentConfig");
  private static final Pattern SEPARATOR = Pattern.compile("(?m)^---[ \\t]*(#.*)?$\\n?");
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .build();

  /**
   * The rewritten text and kube-inject's warnings.
   *
   * @param yaml every document followed by a {@code ---} line
   * @param warnings skip warnings ({@code Skipping injection because Deployment "ns/name" has ...})
   */
  public record Output(String yaml, List<String> warnings) {
    public Output {
      Objects.requireNonNull(yaml, "yaml");
      warnings = List.copyOf(warnings);
    }
  }

  private KubeInject() {}

  /**
   * Injects every workload of {@code text}.
   *
   * @param source names the input in error messages (a file name or {@code -})
   * @throws InjectionException when a document is not YAML, a workload lacks its pod template or injection
   *     fails; the message names the source, the document and the object
   */
  public static Output inject(String source, String text, InjectionSettings settings) throws InjectionException {
    List<String> warnings = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    int index = 0;
    for (String raw : SEPARATOR.split(text, -1)) {
      index++;
      if (raw.strip().isEmpty() || raw.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
        continue;
      }
      JsonNode doc;
      try {
        doc = MeshJackson.yaml().readTree(raw);
      } catch (JsonProcessingException e) {
        throw new InjectionException(source + ": document " + index + ": not valid YAML: "
            + e.getOriginalMessage());
      }
      if (!(doc instanceof ObjectNode object)) {
        out.append(raw.endsWith("\n") ? raw : raw + "\n").append("---\n");
        continue;
      }
      String kind = Json.text(object, "kind");
      if (kind.equals("List") || KINDS.contains(kind)) {
        ObjectNode updated = object.deepCopy();
        String where = source + ": document " + index;
        if (kind.equals("List")) {
          if (updated.get("items") instanceof ArrayNode items) {
            for (int i = 0; i < items.size(); i++) {
              if (items.get(i) instanceof ObjectNode item && KINDS.contains(Json.text(item, "kind"))) {
                WorkloadInjector.inject(item, settings, warnings, where + ": items[" + i + "]");
                GoSerialization.apply(item);
              }
            }
          }
        } else {
          WorkloadInjector.inject(updated, settings, warnings, where);
          GoSerialization.apply(updated);
        }
        out.append(write(updated)).append("---\n");
      } else {
        out.append(raw.endsWith("\n") ? raw : raw + "\n").append("---\n");
      }
    }
    return new Output(out.toString(), warnings);
  }

  private static String write(JsonNode node) {
    try {
      Object plain = YAML.treeToValue(node, Object.class);
      String s = YAML.writeValueAsString(plain);
      return s.startsWith("---\n") ? s.substring(4) : s;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed tree always serialises", e);
    }
  }
}
