package dev.meshwright.inject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.mesh.MeshConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prometheus metrics merging: the pod's {@code prometheus.io/*} annotations move into the proxy's
 * {@code ISTIO_PROMETHEUS_ANNOTATIONS} env and are replaced by ones pointing at the agent's merged endpoint
 * ({@code /stats/prometheus} on the status port). Skipped when the pod says {@code prometheus.io/scrape: false},
 * when merging is off (mesh {@code enablePrometheusMerge} or {@code prometheus.istio.io/merge-metrics}), or when
 * the port already is the status port. Annotation keys are matched after Prometheus label sanitising
 * ({@code prometheus-io/path} counts too). Edits the pod in place. Stateless.
 */
final class PrometheusMerge {
  static final String ENV = "ISTIO_PROMETHEUS_ANNOTATIONS";
  private static final String SCRAPE = "prometheus_io_scrape";
  private static final String PORT = "prometheus_io_port";
  private static final String PATH = "prometheus_io_path";

  private PrometheusMerge() {}

  static void apply(ObjectNode pod, Optional<ObjectNode> proxy, MeshConfig mesh) {
    ObjectNode annotations = Json.child(Json.child(pod, "metadata"), "annotations");
    Map<String, String> a = Json.strings(annotations);
    if (!scrape(a) || !enabled(mesh, a)) {
      return;
    }
    String target = String.valueOf(statusPort(mesh));
    Optional<String> current = find(a, PORT);
    if (current.isPresent() && current.get().equals(target)) {
      return;
    }
    ObjectNode cfg = Json.obj();
    find(a, SCRAPE).ifPresent(v -> cfg.put("scrape", v));
    find(a, PATH).ifPresent(v -> cfg.put("path", v));
    current.ifPresent(v -> cfg.put("port", v));
    if (proxy.isPresent() && !cfg.isEmpty()) {
      Json.array(proxy.get(), "env").add(Json.env(ENV, cfg.toString()));
    }
    clear(annotations);
    annotations.put("prometheus.io/port", target);
    annotations.put("prometheus.io/path", "/stats/prometheus");
    annotations.put("prometheus.io/scrape", "true");
  }

  static int statusPort(MeshConfig mesh) {
    return mesh.defaultConfig().flatMap(p -> p.statusPort()).orElse(15020);
  }

  /** Removes every Prometheus scrape/port/path annotation variant. */
  static void clear(ObjectNode annotations) {
    List<String> remove = new ArrayList<>();
    annotations.fieldNames().forEachRemaining(k -> {
      String s = sanitize(k);
      if (s.equals(SCRAPE) || s.equals(PORT) || s.equals(PATH)) {
        remove.add(k);
      }
    });
    annotations.remove(remove);
  }

  static Optional<String> find(Map<String, String> annotations, String sanitized) {
    return annotations.entrySet().stream().filter(e -> sanitize(e.getKey()).equals(sanitized))
        .map(Map.Entry::getValue).findFirst();
  }

  private static boolean scrape(Map<String, String> a) {
    for (Map.Entry<String, String> e : a.entrySet()) {
      if (sanitize(e.getKey()).equals(SCRAPE)) {
        Optional<Boolean> b = ProbeRewrite.parseBool(e.getValue());
        if (b.isPresent()) {
          return b.get();
        }
      }
    }
    return true;
  }

  private static boolean enabled(MeshConfig mesh, Map<String, String> a) {
    boolean meshSetting = mesh.enablePrometheusMerge().orElse(false);
    String v = a.getOrDefault("prometheus.istio.io/merge-metrics", "");
    if (v.isEmpty()) {
      return meshSetting;
    }
    return ProbeRewrite.parseBool(v).orElse(meshSetting);
  }

  private static String sanitize(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9' && i > 0;
      b.append(ok ? c : '_');
    }
    return b.toString();
  }
}
