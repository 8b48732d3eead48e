package dev.meshwright.install.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A rendered install: every object of every enabled component, in istioctl's output order (kind score,
 * then API group, kind and name: CRDs first, then service accounts and cluster roles, bindings, validating
 * webhooks, config maps, workloads and the rest, HPAs, and services last). Immutable.
 *
 * @param objects the objects, sorted
 */
public record Manifest(List<ManifestObject> objects) {
  private static final Map<String, Integer> SCORES = Map.of(
      "CustomResourceDefinition", -1000, "ServiceAccount", 1, "ClusterRole", 1, "ClusterRoleBinding", 2,
      "ValidatingWebhookConfiguration", 3, "ConfigMap", 100, "Deployment", 1000,
      "HorizontalPodAutoscaler", 1001, "Service", 10000);

  /** The order {@code manifest generate} prints objects in. */
  public static final Comparator<ManifestObject> ORDER = Comparator
      .comparingInt((ManifestObject o) -> SCORES.getOrDefault(o.kind(), 1000))
      .thenComparing(ManifestObject::group).thenComparing(ManifestObject::kind)
      .thenComparing(ManifestObject::name).thenComparing(ManifestObject::namespace);

  public Manifest {
    List<ManifestObject> sorted = new ArrayList<>(objects);
    sorted.sort(ORDER);
    objects = List.copyOf(sorted);
  }

  /** The objects rendered by {@code component}, in output order. */
  public List<ManifestObject> of(Component component) {
    return objects.stream().filter(o -> o.component() == component).toList();
  }

  /**
   * The objects whose {@code Kind:namespace:name} key matches one of the comma-separated
   * {@code Kind:Namespace:Name} patterns ({@code *} or an empty part matches anything; each pattern is an
   * unanchored regular expression, as in istioctl's tests).
   */
  public Manifest select(String selectors) {
    List<Pattern> patterns = new ArrayList<>();
    for (String s : selectors.split(",")) {
      String[] parts = s.trim().split(":", -1);
      List<String> rx = new ArrayList<>();
      for (String p : parts) {
        rx.add(p.isEmpty() || p.equals("*") ? ".*" : p);
      }
      patterns.add(Pattern.compile(String.join(":", rx)));
    }
    return new Manifest(objects.stream()
        .filter(o -> patterns.stream().anyMatch(p -> p.matcher(o.key()).find())).toList());
  }

  /** The size. */
  public int size() {
    return objects.size();
  }
}
