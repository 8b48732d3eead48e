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
 * {@code values} the injector reads (the chart's pick of {@code global}, {@code istio_cni},
 * {@code sidecarInjectorWebhook}, {@code revision}, {@code pilot.cni} and {@code gateways.securityContext}).
 * The injector config carries only user-supplied templates: Istio's built-in ones are Go templates that
 * Meshwright does not copy (its sidecar template lives in mesh-inject as code). Stateless.
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
    if (!Tree.truthy(values, "global.omitSidecarInjectorConfigMap")) {
      out.add(injector(values, ns));
    }
    String extraRoots = Tree.text(values, "pilot.jwksResolverExtraRootCA", "");
    if (!extraRoots.isEmpty()) {
      ObjectNode labels = labels(values);
      ObjectNode jwks = Tree.object("v1", "ConfigMap", Charts.revisioned("pilot-jwks-extra-cacerts", values), ns, labels);
      jwks.set("data", obj("extra.pem", extraRoots));
      out.add(jwks);
    }
    return out;
  }

  private static ObjectNode labels(JsonNode values) {
    ObjectNode l = Charts.operatorLabels(values, Component.PILOT);
    l.put("istio.io/rev", Charts.revisionLabel(values));
    l.put("release", Charts.RELEASE);
    return l;
  }

  /**
   * The effective mesh config: the chart's defaults (trust domain, root namespace, default providers, proxy
   * image type, tracer and discovery address) with the user's {@code meshConfig} merged over them.
   */
  static ObjectNode meshConfig(JsonNode values, String ns) {
    String istioNs = Tree.text(values, "global.istioNamespace", ns);
    ObjectNode mesh = obj("trustDomain", "cluster.local",
        "rootNamespace", Tree.text(values, "meshConfig.rootNamespace", istioNs));
    providers(values).ifPresent(p -> mesh.set("defaultProviders", p));
    ObjectNode defaultConfig = mesh.putObject("defaultConfig");
    String meshId = Tree.text(values, "global.meshID", "");
    if (!meshId.isEmpty()) {
      defaultConfig.put("meshId", meshId);
    }
    String variant = Tree.text(values, "global.proxy.variant", Tree.text(values, "global.variant", ""));
    if (!variant.isEmpty()) {
      defaultConfig.set("image", obj("imageType", variant));
    }
    MeshTracing.of(values, istioNs).ifPresent(t -> defaultConfig.set("tracing", t));
    String discovery;
    if (Tree.truthy(values, "global.remotePilotAddress")) {
      discovery = (Tree.truthy(values, "pilot.enabled") ? "istiod-remote." : "istiod.") + ns + ".svc:15012";
    } else {
      discovery = Charts.revisioned("istiod", values) + "." + ns + ".svc:15012";
    }
    defaultConfig.put("discoveryAddress", discovery);
    return Tree.mergeValues(mesh, values.path("meshConfig"));
  }

  /** {@code defaultProviders} unless the user set them: Prometheus and Stackdriver as telemetry values enable them. */
  private static java.util.Optional<ObjectNode> providers(JsonNode values) {
    boolean telemetry = !Tree.truthy(values, "meshConfig.defaultProviders") && Tree.truthy(values, "telemetry.enabled")
        && Tree.truthy(values, "telemetry.v2.enabled");
    boolean prometheus = telemetry && Tree.truthy(values, "telemetry.v2.prometheus.enabled");
    boolean stackdriver = telemetry && Tree.truthy(values, "telemetry.v2.stackdriver.enabled");
    if (!prometheus && !stackdriver) {
      return java.util.Optional.empty();
    }
    com.fasterxml.jackson.databind.node.ArrayNode metrics = Tree.arr();
    if (prometheus) {
      metrics.add("prometheus");
    }
    if (stackdriver) {
      metrics.add("stackdriver");
    }
    ObjectNode p = obj("metrics", metrics);
    if (stackdriver) {
      p.set("accessLogging", Tree.arr("stackdriver"));
    }
    return java.util.Optional.of(p);
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
    ObjectNode annotations = Tree.map(values, "sidecarInjectorWebhook.injectedAnnotations");
    ObjectNode config = obj(
        "defaultTemplates", Tree.truthy(hook.path("defaultTemplates"))
            ? hook.get("defaultTemplates").deepCopy() : Tree.arr("sidecar"),
        "policy", Tree.text(values, "global.proxy.autoInject", ""),
        "alwaysInjectSelector", hook.path("alwaysInjectSelector").isArray()
            ? hook.get("alwaysInjectSelector").deepCopy() : null,
        "neverInjectSelector", hook.path("neverInjectSelector").isArray()
            ? hook.get("neverInjectSelector").deepCopy() : null,
        "injectedAnnotations", annotations.isEmpty() ? null : PilotWorkload.stringMap(annotations),
        "template", "{{ Template_Version_And_Istio_Version_Mismatched_Check_Installation }}",
        "templates", Tree.map(values, "sidecarInjectorWebhook.templates"));
    ObjectNode injected = obj();
    for (String key : new String[] {"global", "istio_cni", "sidecarInjectorWebhook", "revision"}) {
      if (values.has(key)) {
        injected.set(key, values.get(key).deepCopy());
      }
    }
    injected.set("pilot", values.path("pilot").has("cni") ? obj("cni", values.path("pilot").get("cni").deepCopy()) : obj());
    injected.set("gateways", values.path("gateways").has("securityContext")
        ? obj("securityContext", values.path("gateways").get("securityContext").deepCopy()) : obj());
    cm.set("data", obj("values", json(injected), "config", yaml(config)));
    return cm;
  }

  static String yaml(JsonNode n) {
    try {
      return YAML.writeValueAsString(ManifestYaml.sorted(n));
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
