package dev.meshwright.install.render;

import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * istiod's config maps: {@code istio[-rev]} holding the mesh config ({@code mesh}) and mesh networks, and
 * {@code istio-sidecar-injector[-rev]} holding the injection policy ({@code config}) and the Istio-format
 * {@code values} the injector reads. The injector config carries only user-supplied templates; Istio's
 * built-in sidecar template lives in mesh-inject as code. Stateless.
 */
final class PilotConfigMaps {
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
  private static final ObjectWriter JSON = new ObjectMapper().writer(new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));

  private PilotConfigMaps() {}

  static List<ObjectNode> render(JsonNode values, String ns) {
    List<ObjectNode> out = new ArrayList<>();
    if (Tree.truthy(values, "pilot.configMap")) {
      out.add(mesh(values, ns));
    }
    out.add(injector(values, ns));
    return out;
  }

  private static ObjectNode labels(JsonNode values) {
    ObjectNode l = Charts.operatorLabels(values, Component.PILOT);
    l.put("istio.io/rev", Charts.revisionLabel(values));
    l.put("release", Charts.RELEASE);
    return l;
  }

  /** The effective mesh config: Istio's chart defaults under the user's {@code meshConfig}. */
  static ObjectNode meshConfig(JsonNode values, String ns) {
    String istioNs = Tree.text(values, "global.istioNamespace", ns);
    ObjectNode defaultConfig = obj("discoveryAddress", Charts.revisioned("istiod", values) + "." + ns + ".svc:15012");
    String tracer = Tree.text(values, "global.proxy.tracer", "none");
    if (tracer.equals("zipkin")) {
      defaultConfig.set("tracing", obj("zipkin", obj("address", "zipkin." + istioNs + ":9411")));
    }
    ObjectNode mesh = obj("defaultConfig", defaultConfig,
        "defaultProviders", obj("metrics", Tree.arr("prometheus")),
        "enablePrometheusMerge", true,
        "rootNamespace", istioNs,
        "trustDomain", "cluster.local");
    Tree.mergeValues(mesh, values.path("meshConfig"));
    if (mesh.path("rootNamespace").isNull()) {
      mesh.put("rootNamespace", istioNs);
    }
    return mesh;
  }

  private static ObjectNode mesh(JsonNode values, String ns) {
    ObjectNode cm = Tree.object("v1", "ConfigMap", Charts.revisioned("istio", values), ns, labels(values));
    ObjectNode networks = Tree.map(values, "global.meshNetworks");
    cm.set("data", obj("mesh", yaml(meshConfig(values, ns)), "meshNetworks",
        yaml(obj("networks", networks)).strip()));
    return cm;
  }

  private static ObjectNode injector(JsonNode values, String ns) {
    ObjectNode cm = Tree.object("v1", "ConfigMap", Charts.revisioned("istio-sidecar-injector", values), ns,
        labels(values));
    JsonNode hook = values.path("sidecarInjectorWebhook");
    ObjectNode config = obj(
        "alwaysInjectSelector", hook.path("alwaysInjectSelector").isArray()
            ? hook.get("alwaysInjectSelector").deepCopy() : Tree.arr(),
        "defaultTemplates", Tree.truthy(hook.path("defaultTemplates"))
            ? hook.get("defaultTemplates").deepCopy() : Tree.arr("sidecar"),
        "injectedAnnotations", Tree.map(values, "sidecarInjectorWebhook.injectedAnnotations"),
        "neverInjectSelector", hook.path("neverInjectSelector").isArray()
            ? hook.get("neverInjectSelector").deepCopy() : Tree.arr(),
        "policy", Tree.text(values, "global.proxy.autoInject", "enabled"),
        "templates", Tree.map(values, "sidecarInjectorWebhook.templates"));
    ObjectNode injected = obj("global", Tree.map(values, "global"), "istio_cni", Tree.map(values, "istio_cni"),
        "pilot", obj("cni", Tree.map(values, "pilot.cni")), "revision", Charts.revision(values),
        "sidecarInjectorWebhook", Tree.map(values, "sidecarInjectorWebhook"));
    cm.set("data", obj("config", yaml(config), "values", json(injected)));
    return cm;
  }

  static String yaml(JsonNode n) {
    try {
      return YAML.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(JsonNode n) {
    try {
      return JSON.writeValueAsString(ManifestYaml.sorted(n));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
