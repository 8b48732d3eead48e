package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.mesh.ProxyConfig;
import dev.meshwright.api.yaml.MeshConfigYaml;
import dev.meshwright.api.yaml.ValueResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Istio 1.22's sidecar mutation of one pod, pure: {@code inject(pod, workload, settings)} strips a previous
 * injection, renders the selected templates ({@code inject.istio.io/templates}, else the default ones) with the
 * pod's effective proxy config (mesh default plus {@code proxy.istio.io/config}), strategically merges them over
 * the pod, re-applies user container overrides, then post-processes as istiod does: cluster/network env,
 * Prometheus merge, probe rewrite, status annotation, container order. The result carries the RFC 6902 patch
 * from the input pod to the injected one.
 *
 * <p>The policy (whether to inject at all) is {@link InjectionPolicy}'s job; this class always injects. Bad
 * annotations fail with {@link InjectionException}. Thread-safe and stateless; inputs are never modified.
 */
public final class SidecarInjector {
  /** The annotation selecting templates, comma-separated. */
  public static final String TEMPLATES_ANNOTATION = "inject.istio.io/templates";
  /** The pod's own proxy config overlay. */
  public static final String PROXY_CONFIG_ANNOTATION = "proxy.istio.io/config";

  private SidecarInjector() {}

  /**
   * Injects a bare Pod as the admission webhook sees it, naming its workload from its owner references
   * ({@link WorkloadRef#fromPod}).
   *
   * @throws InjectionException when an annotation is invalid or a template is unknown
   */
  public static InjectionResult inject(ObjectNode pod, InjectionSettings settings) throws InjectionException {
    return inject(pod, WorkloadRef.fromPod(pod), settings);
  }

  /**
   * Injects {@code pod} ({@code metadata} and {@code spec}, a Pod or a workload's pod template) owned by
   * {@code workload}.
   *
   * @throws InjectionException when an annotation is invalid or a template is unknown
   */
  public static InjectionResult inject(ObjectNode pod, WorkloadRef workload, InjectionSettings settings)
      throws InjectionException {
    ObjectNode original = pod.deepCopy();
    Map<String, String> annotations = Json.strings(original.path("metadata").path("annotations"));
    List<String> problems = Traffic.validate(annotations);
    ProxyConfig proxyConfig = effectiveProxyConfig(settings.mesh(), annotations, problems);
    if (!problems.isEmpty()) {
      throw new InjectionException("injection failed due to invalid annotations: " + String.join("; ", problems));
    }
    MeshConfig mesh = settings.mesh().defaultConfig().orElse(null) == proxyConfig ? settings.mesh()
        : MeshConfig.builder().from(settings.mesh()).defaultConfig(proxyConfig).build();
    JsonNode previousStatus = previousStatus(annotations);
    boolean alreadyInjected = annotations.containsKey(InjectionPolicy.STATUS_ANNOTATION);
    ObjectNode stripped = strip(original, previousStatus, settings.mesh());
    TemplateInput in = new TemplateInput(stripped, workload, settings.withMesh(mesh), proxyConfig);

    ObjectNode merged = original.deepCopy(); // merging edits in place; the patch needs the untouched original
    ObjectNode template = Json.obj();
    List<String> templates = templates(annotations, settings.options());
    for (String name : templates) {
      ObjectNode rendered = SidecarTemplates.render(name, in);
      template = StrategicMerge.merge(template, rendered);
      if (settings.features().nativeSidecars()
          && Json.named(template.path("spec").path("initContainers"), TemplateInput.PROXY).isPresent()
          && Json.named(merged.path("spec").path("containers"), TemplateInput.PROXY).isPresent()) {
        merged = moveProxyToInit(merged);
      }
      merged = StrategicMerge.merge(merged, rendered);
    }
    merged = ContainerOverrides.reapply(merged, original, template, previousStatus, alreadyInjected,
        in.interceptionMode());
    PodPostProcess.apply(merged, template, original, in, settings);
    ArrayNode patch = JsonDiff.diff(original, merged);
    List<String> reasons = new ArrayList<>();
    reasons.add("injected with templates " + String.join(",", templates) + " (revision "
        + settings.options().revisionOrDefault() + ")");
    return new InjectionResult(merged, patch, reasons);
  }

  private static List<String> templates(Map<String, String> annotations, InjectionOptions options) {
    String selected = annotations.get(TEMPLATES_ANNOTATION);
    if (selected == null) {
      return options.defaultTemplates().isEmpty() ? List.of(SidecarTemplates.SIDECAR) : options.defaultTemplates();
    }
    List<String> out = new ArrayList<>();
    for (String t : selected.split(",", -1)) {
      out.add(t.trim());
    }
    return out;
  }

  /** The mesh's default proxy config with the pod's {@code proxy.istio.io/config} applied. */
  static ProxyConfig effectiveProxyConfig(MeshConfig mesh, Map<String, String> annotations, List<String> problems) {
    ProxyConfig base = mesh.defaultConfig().orElse(MeshConfigs.defaultProxyConfig());
    String overlay = annotations.get(PROXY_CONFIG_ANNOTATION);
    if (overlay == null) {
      return base;
    }
    ValueResult<ProxyConfig> read = MeshConfigYaml.readProxyConfig(PROXY_CONFIG_ANNOTATION, overlay);
    if (read.value().isEmpty() && overlay.strip().startsWith("{")) {
      // a YAML flow mapping ({holdApplicationUntilProxyStarts: true}) is valid YAML but not JSON
      try {
        String json = MeshJackson.json().writeValueAsString(MeshJackson.yaml().readTree(overlay));
        ValueResult<ProxyConfig> retry = MeshConfigYaml.readProxyConfig(PROXY_CONFIG_ANNOTATION, json);
        if (retry.value().isPresent()) {
          read = retry;
        }
      } catch (IOException e) {
        // keep the first error
      }
    }
    List<String> errors = read.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList();
    if (!errors.isEmpty() || read.value().isEmpty()) {
      problems.add("invalid value for annotation '" + PROXY_CONFIG_ANNOTATION + "': " + String.join("; ", errors));
      return base;
    }
    return MeshConfigs.mergeProxyConfig(base, read.value().get());
  }

  private static JsonNode previousStatus(Map<String, String> annotations) {
    String status = annotations.get(InjectionPolicy.STATUS_ANNOTATION);
    if (status == null) {
      return Json.obj();
    }
    try {
      JsonNode n = MeshJackson.json().readTree(status);
      return n != null && n.isObject() ? n : Json.obj();
    } catch (IOException e) {
      return Json.obj();
    }
  }

  /** The pod with a previous injection's containers, status annotation and our Prometheus annotations removed. */
  private static ObjectNode strip(ObjectNode original, JsonNode status, MeshConfig mesh) {
    ObjectNode pod = original.deepCopy();
    if (!original.path("metadata").path("annotations").has(InjectionPolicy.STATUS_ANNOTATION)) {
      return reinsertOverrides(pod);
    }
    for (String list : new String[] {"containers", "initContainers"}) {
      if (pod.path("spec").get(list) instanceof ArrayNode containers) {
        for (JsonNode name : status.path(list)) {
          for (int i = containers.size() - 1; i >= 0; i--) {
            if (Json.text(containers.get(i), "name").equals(name.asText())) {
              containers.remove(i);
            }
          }
        }
      }
    }
    ObjectNode annotations = Json.child(Json.child(pod, "metadata"), "annotations");
    String target = String.valueOf(PrometheusMerge.statusPort(mesh));
    Optional<String> port = PrometheusMerge.find(Json.strings(annotations), "prometheus_io_port");
    if (port.isPresent() && port.get().equals(target)) {
      PrometheusMerge.clear(annotations);
    }
    annotations.remove(InjectionPolicy.STATUS_ANNOTATION);
    return reinsertOverrides(pod);
  }

  private static ObjectNode reinsertOverrides(ObjectNode pod) {
    String stored = Json.text(pod.path("metadata").path("annotations"), ContainerOverrides.ANNOTATION);
    if (stored.isEmpty()) {
      return pod;
    }
    try {
      JsonNode overrides = MeshJackson.json().readTree(stored);
      for (String list : new String[] {"containers", "initContainers"}) {
        for (JsonNode c : overrides.path(list)) {
          ArrayNode target = Json.array(Json.child(pod, "spec"), list);
          if (Json.named(target, Json.text(c, "name")).isEmpty()) {
            target.add(c.deepCopy());
          }
        }
      }
    } catch (IOException e) {
      // an unreadable overrides annotation is reported by ContainerOverrides
    }
    return pod;
  }

  private static ObjectNode moveProxyToInit(ObjectNode pod) {
    ObjectNode copy = pod.deepCopy();
    ArrayNode containers = (ArrayNode) copy.path("spec").path("containers");
    for (int i = 0; i < containers.size(); i++) {
      if (Json.text(containers.get(i), "name").equals(TemplateInput.PROXY)) {
        JsonNode proxy = containers.remove(i);
        Json.array((ObjectNode) copy.get("spec"), "initContainers").add(proxy);
        break;
      }
    }
    return copy;
  }
}
