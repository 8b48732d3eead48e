package dev.meshwright.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What injection added to one workload's pod template, in a few lines instead of the whole injected YAML: the init
 * containers, containers and volumes (by name) and the annotation and label keys that are new. Pure.
 *
 * @param initContainers init containers added
 * @param containers containers added
 * @param volumes volumes added
 * @param annotations pod annotation keys added
 * @param labels pod label keys added
 */
public record PodChanges(List<String> initContainers, List<String> containers, List<String> volumes,
    List<String> annotations, List<String> labels) {
  public PodChanges {
    initContainers = List.copyOf(initContainers);
    containers = List.copyOf(containers);
    volumes = List.copyOf(volumes);
    annotations = List.copyOf(annotations);
    labels = List.copyOf(labels);
  }

  /** The additions from {@code before} to {@code after}, two workloads (or Pods) as JSON trees. */
  public static PodChanges between(JsonNode before, JsonNode after) {
    JsonNode a = template(before);
    JsonNode b = template(after);
    return new PodChanges(added(a, b, "spec", "initContainers"), added(a, b, "spec", "containers"),
        added(a, b, "spec", "volumes"), addedKeys(a, b, "annotations"), addedKeys(a, b, "labels"));
  }

  /** One line per non-empty kind of change, e.g. {@code + containers      istio-proxy}. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    line(out, "init containers", initContainers);
    line(out, "containers", containers);
    line(out, "volumes", volumes);
    line(out, "annotations", annotations);
    line(out, "labels", labels);
    return out;
  }

  /** Whether the sidecar ({@code istio-proxy}) and its traffic setup ({@code istio-init}) were added. */
  public boolean sidecarAdded() {
    return containers.contains("istio-proxy") && initContainers.contains("istio-init");
  }

  private static void line(List<String> out, String what, List<String> names) {
    if (!names.isEmpty()) {
      out.add(String.format("+ %-16s%s", what, String.join(", ", names)));
    }
  }

  /** The pod template of a workload, or the object itself for a Pod. */
  private static JsonNode template(JsonNode workload) {
    JsonNode t = workload.path("spec").path("template");
    return t.isMissingNode() ? workload : t;
  }

  private static List<String> added(JsonNode a, JsonNode b, String section, String list) {
    Set<String> before = names(a.path(section).path(list));
    List<String> out = new ArrayList<>();
    for (String n : names(b.path(section).path(list))) {
      if (!before.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }

  private static Set<String> names(JsonNode list) {
    Set<String> out = new LinkedHashSet<>();
    list.forEach(item -> out.add(item.path("name").asText()));
    return out;
  }

  private static List<String> addedKeys(JsonNode a, JsonNode b, String field) {
    JsonNode before = a.path("metadata").path(field);
    List<String> out = new ArrayList<>();
    b.path("metadata").path(field).fieldNames().forEachRemaining(k -> {
      if (!before.has(k)) {
        out.add(k);
      }
    });
    return out;
  }
}
