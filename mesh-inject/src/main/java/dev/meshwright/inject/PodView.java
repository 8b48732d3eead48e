package dev.meshwright.inject;

import dev.meshwright.api.GenericResource;
import dev.meshwright.api.ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the injection policy reads from a pod or from a workload's pod template: where it runs, its labels
 * and annotations, and whether it uses host networking. Immutable.
 *
 * @param kind the kind of the object it came from ({@code Pod}, {@code Deployment}, ...)
 * @param name the pod's name, or the workload's when the template has none
 * @param namespace the namespace the pod is created in (template's, else the object's), empty when unknown
 * @param labels the pod (template) labels
 * @param annotations the pod (template) annotations
 * @param hostNetwork {@code spec.hostNetwork} of the pod (template)
 */
public record PodView(String kind, String name, String namespace, Map<String, String> labels,
    Map<String, String> annotations, boolean hostNetwork) {

  /** Kinds whose {@code spec.template} is a pod template. */
  public static final Set<String> TEMPLATE_KINDS = Set.of("Deployment", "DaemonSet", "StatefulSet", "ReplicaSet",
      "ReplicationController", "Job", "DeploymentConfig");

  public PodView {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    namespace = Objects.requireNonNullElse(namespace, "");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  /** A bare pod, for code and tests. */
  public static PodView pod(String name, String namespace, Map<String, String> labels,
      Map<String, String> annotations) {
    return new PodView("Pod", name, namespace, labels, annotations, false);
  }

  /** A copy with host networking switched on or off. */
  public PodView withHostNetwork(boolean value) {
    return new PodView(kind, name, namespace, labels, annotations, value);
  }

  /** {@code namespace/name}, or just the name when the namespace is unknown. */
  public String fullName() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }

  /**
   * The pods in a document: the pod itself, a workload's pod template, a CronJob's job template, or each such
   * item of a {@code List}. Other kinds give none.
   */
  public static List<PodView> of(GenericResource resource) {
    Map<String, Object> whole = new LinkedHashMap<>(resource.body());
    whole.put("kind", resource.kind());
    whole.put("metadata", metaMap(resource.metadata()));
    List<PodView> out = new ArrayList<>();
    collect(whole, out);
    return List.copyOf(out);
  }

  private static Map<String, Object> metaMap(ObjectMeta meta) {
    Map<String, Object> m = new LinkedHashMap<>();
    meta.name().ifPresent(n -> m.put("name", n));
    meta.namespace().ifPresent(n -> m.put("namespace", n));
    m.put("labels", meta.labels());
    m.put("annotations", meta.annotations());
    return m;
  }

  private static void collect(Map<String, Object> object, List<PodView> out) {
    String kind = string(object.get("kind"));
    Map<String, Object> meta = map(object.get("metadata"));
    Map<String, Object> spec = map(object.get("spec"));
    if (kind.equals("List")) {
      if (object.get("items") instanceof List<?> items) {
        items.forEach(item -> collect(map(item), out));
      }
    } else if (kind.equals("Pod")) {
      out.add(view(kind, meta, meta, spec));
    } else if (kind.equals("CronJob")) {
      Map<String, Object> jobTemplate = map(spec.get("jobTemplate"));
      Map<String, Object> template = map(map(jobTemplate.get("spec")).get("template"));
      // kube-inject reads the job template's metadata and the pod template's spec
      out.add(view(kind, meta, map(jobTemplate.get("metadata")), map(template.get("spec"))));
    } else if (TEMPLATE_KINDS.contains(kind) && spec.get("template") instanceof Map<?, ?>) {
      Map<String, Object> template = map(spec.get("template"));
      out.add(view(kind, meta, map(template.get("metadata")), map(template.get("spec"))));
    }
  }

  private static PodView view(String kind, Map<String, Object> objectMeta, Map<String, Object> podMeta,
      Map<String, Object> podSpec) {
    String name = string(podMeta.get("name"));
    if (name.isEmpty()) {
      name = string(objectMeta.get("name"));
    }
    String namespace = string(podMeta.get("namespace"));
    if (namespace.isEmpty()) {
      namespace = string(objectMeta.get("namespace"));
    }
    return new PodView(kind, name, namespace, strings(podMeta.get("labels")), strings(podMeta.get("annotations")),
        Boolean.TRUE.equals(podSpec.get("hostNetwork")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static String string(Object value) {
    return value == null ? "" : value.toString();
  }

  private static Map<String, String> strings(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        if (k != null && v != null) {
          out.put(k.toString(), v.toString());
        }
      });
    }
    return out;
  }
}
