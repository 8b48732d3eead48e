package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What istiod does to the merged pod after rendering, in its order: cluster and network env on the proxy,
 * Prometheus merge, probe rewrite, the network label, the {@code sidecar.istio.io/status} annotation (names of
 * everything the templates rendered) and injected annotations, then container order (proxy last, or first when
 * the application waits for it; {@code istio-init} last among init containers, {@code istio-validation} first;
 * with native sidecars init, validation and proxy lead). Edits the pod in place. Stateless.
 */
final class PodPostProcess {
  static final String NETWORK_LABEL = "topology.istio.io/network";

  private PodPostProcess() {}

  static void apply(ObjectNode pod, ObjectNode template, ObjectNode original, TemplateInput in,
      InjectionSettings settings) {
    ObjectNode meta = Json.child(pod, "metadata");
    ObjectNode annotations = Json.child(meta, "annotations");
    ObjectNode labels = Json.child(meta, "labels");
    Optional<ObjectNode> proxy = proxy(pod);

    Map<String, String> proxyEnvs = new TreeMap<>();
    String cluster = in.values.text("global.multiCluster.clusterName");
    if (!cluster.isEmpty()) {
      proxyEnvs.put("ISTIO_META_CLUSTER_ID", cluster);
    }
    String network = in.values.text("global.network");
    String labelled = Json.text(original.path("metadata").path("labels"), NETWORK_LABEL);
    if (original.path("metadata").path("labels").has(NETWORK_LABEL)) {
      network = labelled;
    }
    if (!network.isEmpty()) {
      proxyEnvs.put("ISTIO_META_NETWORK", network);
    }
    if (proxy.isPresent() && !proxyEnvs.isEmpty()) {
      ArrayNode env = Json.array(proxy.get(), "env");
      for (int i = env.size() - 1; i >= 0; i--) {
        if (proxyEnvs.containsKey(Json.text(env.get(i), "name"))) {
          env.remove(i);
        }
      }
      proxyEnvs.forEach((k, v) -> env.add(Json.env(k, v)));
    }

    PrometheusMerge.apply(pod, proxy, in.mesh);

    if (proxy.isPresent() && ProbeRewrite.enabled(Json.strings(annotations),
        in.values.node("sidecarInjectorWebhook.rewriteAppHTTPProbe").asBoolean(false))) {
      ProbeRewrite.apply(pod, proxy.get(), PrometheusMerge.statusPort(in.mesh),
          annotations.has(InjectionPolicy.STATUS_ANNOTATION));
    }

    if (proxyEnvs.containsKey("ISTIO_META_NETWORK")) {
      labels.put(NETWORK_LABEL, proxyEnvs.get("ISTIO_META_NETWORK"));
    }
    annotations.put(InjectionPolicy.STATUS_ANNOTATION, status(template, settings.options().revisionOrDefault()));
    settings.options().injectedAnnotations().forEach(annotations::put);

    reorder(pod, in);
    dropZeroProbeFields(pod);
  }

  /** Probe counters that are zero are left out, as Kubernetes serialises them. */
  private static void dropZeroProbeFields(ObjectNode pod) {
    for (String list : new String[] {"containers", "initContainers"}) {
      for (JsonNode c : pod.path("spec").path(list)) {
        for (String probe : new String[] {"readinessProbe", "livenessProbe", "startupProbe"}) {
          if (c.get(probe) instanceof ObjectNode p) {
            for (String f : new String[] {"initialDelaySeconds", "periodSeconds", "timeoutSeconds",
                "failureThreshold", "successThreshold"}) {
              if (p.path(f).isNumber() && p.path(f).asLong() == 0) {
                p.remove(f);
              }
            }
          }
        }
      }
    }
  }

  private static Optional<ObjectNode> proxy(ObjectNode pod) {
    return Json.named(pod.path("spec").path("containers"), TemplateInput.PROXY)
        .or(() -> Json.named(pod.path("spec").path("initContainers"), TemplateInput.PROXY));
  }

  /** The status annotation: names of the template's init containers, containers, volumes and pull secrets. */
  static String status(ObjectNode template, String revision) {
    ObjectNode s = Json.obj();
    JsonNode spec = template.path("spec");
    names(s, "initContainers", spec.path("initContainers"));
    names(s, "containers", spec.path("containers"));
    names(s, "volumes", spec.path("volumes"));
    names(s, "imagePullSecrets", spec.path("imagePullSecrets"));
    s.put("revision", revision);
    return s.toString();
  }

  private static void names(ObjectNode s, String key, JsonNode list) {
    if (!list.isArray() || list.isEmpty()) {
      s.putNull(key);
      return;
    }
    ArrayNode out = s.putArray(key);
    list.forEach(n -> out.add(Json.text(n, "name")));
  }

  private static void reorder(ObjectNode pod, TemplateInput in) {
    boolean hold = in.proxyConfig.holdApplicationUntilProxyStarts().orElse(false)
        || in.values.truthy("global.proxy.holdApplicationUntilProxyStarts");
    ObjectNode spec = Json.child(pod, "spec");
    if (spec.get("containers") instanceof ArrayNode containers) {
      move(containers, TemplateInput.PROXY, hold);
    }
    if (!(spec.get("initContainers") instanceof ArrayNode init)) {
      return;
    }
    if (Json.named(init, TemplateInput.PROXY).isPresent()) {
      move(init, IptablesContainers.CORE_DUMP, true);
      move(init, TemplateInput.PROXY, true);
      move(init, IptablesContainers.VALIDATION, true);
      move(init, IptablesContainers.INIT, true);
    } else {
      move(init, IptablesContainers.VALIDATION, true);
      move(init, IptablesContainers.INIT, false);
      move(init, IptablesContainers.CORE_DUMP, false);
    }
  }

  private static void move(ArrayNode list, String name, boolean first) {
    for (int i = 0; i < list.size(); i++) {
      if (Json.text(list.get(i), "name").equals(name)) {
        JsonNode c = list.remove(i);
        if (first) {
          list.insert(0, c);
        } else {
          list.add(c);
        }
        return;
      }
    }
  }
}
