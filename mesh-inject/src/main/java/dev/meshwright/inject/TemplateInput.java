package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.mesh.InboundTrafficPolicy;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.ProxyConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the sidecar templates read for one pod: the pod as it stands before rendering (previous injection
 * stripped), its workload, the values, the effective mesh and proxy config, the revision and switches. The
 * lookups mirror the chart's: an annotation overrides a value ({@link #annotation}). Not thread-safe to mutate;
 * the templates only read it.
 */
final class TemplateInput {
  static final String PROXY = "istio-proxy";

  final ObjectNode pod;
  final Map<String, String> annotations;
  final Map<String, String> labels;
  final WorkloadRef workload;
  final InjectorValues values;
  final MeshConfig mesh;
  final ProxyConfig proxyConfig;
  final String revision;
  final InjectionFeatures features;

  TemplateInput(ObjectNode pod, WorkloadRef workload, InjectionSettings settings, ProxyConfig proxyConfig) {
    this.pod = pod;
    this.annotations = Json.strings(pod.path("metadata").path("annotations"));
    this.labels = Json.strings(pod.path("metadata").path("labels"));
    this.workload = workload;
    this.values = settings.values();
    this.mesh = settings.mesh();
    this.proxyConfig = proxyConfig;
    this.revision = settings.options().revision();
    this.features = settings.features();
  }

  /** The annotation's value when the pod sets it, else the value at {@code valuesPath}. */
  String annotation(String key, String valuesPath) {
    String a = annotations.get(key);
    return a != null ? a : values.text(valuesPath);
  }

  /** The pod spec. */
  JsonNode spec() {
    return pod.path("spec");
  }

  /** The names of the app containers (every container but the proxy), in order. */
  List<String> appContainers() {
    List<String> out = new ArrayList<>();
    for (JsonNode c : spec().path("containers")) {
      String name = Json.text(c, "name");
      if (!name.equals(PROXY)) {
        out.add(name);
      }
    }
    return out;
  }

  /** {@code REDIRECT}, {@code TPROXY} or {@code NONE}: the annotation, else the proxy config. */
  String interceptionMode() {
    String a = annotations.get("sidecar.istio.io/interceptionMode");
    return a != null ? a : proxyConfig.interceptionMode().map(Enum::name).orElse("REDIRECT");
  }

  /** The status port the templates use: the annotation, else {@code global.proxy.statusPort}. */
  String statusPort() {
    return annotation("status.sidecar.istio.io/port", "global.proxy.statusPort");
  }

  boolean cni() {
    return values.truthy("pilot.cni.enabled") || values.truthy("istio_cni.enabled");
  }

  boolean nativeSidecar() {
    return features.nativeSidecars();
  }

  /** Whether the application waits for the proxy (pod proxy config or values), never with native sidecars. */
  boolean holdProxy() {
    return (proxyConfig.holdApplicationUntilProxyStarts().orElse(false)
        || values.truthy("global.proxy.holdApplicationUntilProxyStarts")) && !nativeSidecar();
  }

  /** The proxy image from hub, image name, tag and image type (variant, proxy config, annotation). */
  String proxyImage() {
    String name = values.text("global.proxy.image");
    if (name.isEmpty()) {
      name = "proxyv2";
    }
    String type = values.text("global.variant");
    if (proxyConfig.image().isPresent()) {
      type = proxyConfig.image().get().imageType().orElse("");
    }
    type = annotations.getOrDefault("sidecar.istio.io/proxyImageType", type);
    return values.text("global.hub") + "/" + name + ":" + tagWithType(values.text("global.tag"), type);
  }

  private static String tagWithType(String tag, String type) {
    if (type.isEmpty()) {
      return tag;
    }
    for (String known : List.of("distroless", "debug")) {
      if (tag.endsWith("-" + known)) {
        tag = tag.substring(0, tag.length() - known.length() - 1);
        break;
      }
    }
    return type.equals("default") ? tag : tag + "-" + type;
  }

  /** The image for a container: a full reference from the annotation or values wins over the built one. */
  String image(String valuesPath) {
    String chosen = annotation("sidecar.istio.io/proxyImage", valuesPath);
    return chosen.contains("/") ? chosen : proxyImage();
  }

  /** {@code localhost} when the mesh's inbound traffic policy is LOCALHOST, else {@code passthrough}. */
  String inboundTrafficPolicyMode() {
    return mesh.inboundTrafficPolicy().flatMap(InboundTrafficPolicy::mode)
        .filter(m -> m == InboundTrafficPolicy.Mode.LOCALHOST).map(m -> "localhost").orElse("passthrough");
  }

  /** The mesh's trust domain, else {@code global.trustDomain}. */
  String trustDomain() {
    String td = mesh.trustDomain().orElse("");
    return td.isEmpty() ? values.text("global.trustDomain") : td;
  }

  /** The canonical service name label the templates write. */
  String canonicalName() {
    String name = firstNonEmpty(labels.get("service.istio.io/canonical-name"), labels.get("app.kubernetes.io/name"),
        labels.get("app"), workload.name());
    return name;
  }

  /** The canonical revision label the templates write. */
  String canonicalRevision() {
    return firstNonEmpty(labels.get("service.istio.io/canonical-revision"), labels.get("app.kubernetes.io/version"),
        labels.get("version"), "latest");
  }

  static String firstNonEmpty(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isEmpty()) {
        return c;
      }
    }
    return "";
  }
}
