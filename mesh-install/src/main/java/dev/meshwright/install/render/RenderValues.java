package dev.meshwright.install.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The effective chart values one component renders with, assembled as istioctl does: the values derived from
 * the IstioOperator (hub, tag, revision, meshConfig, component enablement, namespace, hub and tag), then
 * {@code spec.values}, then {@code spec.unvalidatedValues}, laid over the chart's defaults and Helm profile
 * by {@link ChartValues}. Maps merge, everything else replaces. Stateless.
 */
final class RenderValues {
  private static final String RESOURCES = "/dev/meshwright/install/render/";
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Map<String, String> ENABLEMENT = Map.of(
      "base", "global", "pilot", "pilot", "cni", "istio_cni", "istiodRemote", "global", "ztunnel", "ztunnel");

  private RenderValues() {}

  /**
   * The values {@code component}'s chart renders with: its chart defaults, the Helm profile and compatibility
   * version, then what istioctl passes (for Ztunnel flattened: the {@code ztunnel} map over the root); a
   * problem for an unknown Helm profile or compatibility version.
   */
  static ObjectNode of(ObjectNode spec, Component component) {
    ObjectNode passed = passed(spec);
    if (component == Component.ZTUNNEL) {
      Tree.mergeValues(passed, passed.path("ztunnel"));
    }
    return ChartValues.effective(ChartValues.chartFile(component), passed, "spec.values.");
  }

  /** The values istioctl passes to every chart: derived settings, {@code spec.values}, unvalidated values. */
  static ObjectNode passed(ObjectNode spec) {
    ObjectNode derived = Tree.NODES.objectNode();
    ObjectNode global = derived.putObject("global");
    putText(global, "hub", spec.get("hub"));
    putText(global, "tag", spec.get("tag"));
    putText(derived, "revision", spec.get("revision"));
    putText(derived, "compatibilityVersion", spec.get("compatibilityVersion"));
    if (spec.get("meshConfig") instanceof ObjectNode mesh) {
      derived.set("meshConfig", mesh.deepCopy());
    }
    JsonNode components = spec.path("components");
    for (String key : new String[] {"pilot", "cni", "istiodRemote", "ztunnel", "base"}) {
      JsonNode c = components.path(key);
      String root = ENABLEMENT.get(key);
      String valuesRoot = root.equals("istio_cni") ? "cni" : root;
      ObjectNode target = child(derived, valuesRoot);
      if (c.has("enabled") && c.get("enabled").isBoolean()) {
        child(derived, root).put("enabled", c.get("enabled").asBoolean());
      }
      putText(target, "namespace", c.get("namespace"));
      putText(target, "hub", c.get("hub"));
      putText(target, "tag", c.get("tag"));
    }
    String pilotNs = namespaceOf(spec, components.path("pilot"));
    global.put("istioNamespace", pilotNs);
    Tree.mergeValues(derived, spec.path("values"));
    Tree.mergeValues(derived, spec.path("unvalidatedValues"));
    return derived;
  }

  /** A component's namespace: its own, else {@code spec.namespace}, else the Istio namespace. */
  static String namespaceOf(ObjectNode spec, JsonNode componentSpec) {
    String own = Tree.text(componentSpec, "namespace", "");
    if (!own.isEmpty()) {
      return own;
    }
    String top = Tree.text(spec, "namespace", "");
    if (!top.isEmpty()) {
      return top;
    }
    return Tree.text(spec, "values.global.istioNamespace", "istio-system");
  }

  static ObjectNode child(ObjectNode parent, String key) {
    if (parent.get(key) instanceof ObjectNode o) {
      return o;
    }
    return parent.putObject(key);
  }

  private static void putText(ObjectNode target, String key, JsonNode value) {
    if (value != null && !value.isNull() && !value.isContainerNode() && !value.asText().isEmpty()) {
      target.put(key, Tree.scalar(value));
    }
  }

  static Optional<ObjectNode> load(String file) {
    try (InputStream in = RenderValues.class.getResourceAsStream(RESOURCES + file)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of((ObjectNode) YAML.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
