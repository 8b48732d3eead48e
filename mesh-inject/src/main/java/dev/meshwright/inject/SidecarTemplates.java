package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.json.MeshJackson;
import java.io.IOException;
import java.util.List;

/**
 * Meshwright's own equivalents of the istiod chart's injection templates, each rendering a partial pod
 * ({@code metadata} labels and annotations, {@code spec} containers, init containers, volumes, pull secrets)
 * that is strategically merged over the pod: {@code sidecar} (the default), {@code gateway} (a router proxy in
 * a pod that only has an {@code istio-proxy} placeholder) and the proxyless gRPC ones ({@link GrpcTemplates}). Stateless.
 */
final class SidecarTemplates {
  static final String SIDECAR = "sidecar";
  static final String GATEWAY = "gateway";
  static final List<String> KNOWN = List.of(SIDECAR, GATEWAY, GrpcTemplates.SIMPLE, GrpcTemplates.AGENT);

  private SidecarTemplates() {}

  /** The partial pod of the named template. */
  static ObjectNode render(String name, TemplateInput in) throws InjectionException {
    return switch (name) {
      case SIDECAR -> sidecar(in);
      case GATEWAY -> gateway(in);
      case GrpcTemplates.SIMPLE -> GrpcTemplates.simple(in);
      case GrpcTemplates.AGENT -> GrpcTemplates.agent(in);
      default -> throw new InjectionException("requested template \"" + name + "\" not found; have "
          + String.join(", ", KNOWN));
    };
  }

  private static ObjectNode sidecar(TemplateInput in) {
    ObjectNode pod = Json.obj();
    ObjectNode meta = pod.putObject("metadata");
    ObjectNode labels = meta.putObject("labels");
    labels.put("security.istio.io/tlsMode", TemplateInput.firstNonEmpty(in.labels.get("security.istio.io/tlsMode"),
        "istio"));
    if ("true".equals(in.proxyConfig.proxyMetadata().get("ISTIO_META_ENABLE_HBONE"))) {
      labels.put("networking.istio.io/tunnel", TemplateInput.firstNonEmpty(
          in.labels.get("networking.istio.io/tunnel"), "http"));
    }
    String canonical = in.canonicalName();
    if (canonical.length() > 63) {
      canonical = canonical.substring(0, 63);
    }
    while (canonical.endsWith("-")) {
      canonical = canonical.substring(0, canonical.length() - 1);
    }
    labels.put("service.istio.io/canonical-name", canonical);
    labels.put("service.istio.io/canonical-revision", in.canonicalRevision());
    ObjectNode annotations = meta.putObject("annotations");
    commonAnnotations(in, annotations, false);
    if (in.cni()) {
      cniAnnotations(in, annotations);
    }
    ObjectNode spec = pod.putObject("spec");
    ArrayNode init = Json.arr();
    IptablesContainers.of(in).forEach(init::add);
    ObjectNode proxy = ProxyContainer.of(in);
    if (in.nativeSidecar()) {
      init.add(proxy);
    } else {
      spec.putArray("containers").add(proxy);
    }
    if (!init.isEmpty()) {
      spec.set("initContainers", init);
    }
    spec.set("volumes", SidecarVolumes.volumes(in, false));
    pullSecrets(in, spec);
    return pod;
  }

  static void commonAnnotations(TemplateInput in, ObjectNode annotations, boolean gateway) {
    annotations.put("istio.io/rev", in.revision.isEmpty() ? "default" : in.revision);
    List<String> apps = in.appContainers();
    if (gateway ? apps.size() == 1 : !apps.isEmpty()) {
      if (gateway || !in.annotations.containsKey("kubectl.kubernetes.io/default-logs-container")) {
        annotations.put("kubectl.kubernetes.io/default-logs-container", apps.get(0));
      }
      if (gateway || !in.annotations.containsKey("kubectl.kubernetes.io/default-container")) {
        annotations.put("kubectl.kubernetes.io/default-container", apps.get(0));
      }
    }
  }

  private static void cniAnnotations(TemplateInput in, ObjectNode a) {
    if (in.values.text("pilot.cni.provider").equals("multus") || in.values.text("istio_cni.provider").equals("multus")
        || !in.values.truthy("istio_cni.chained")) {
      a.put("k8s.v1.cni.cncf.io/networks",
          appendMultusNetwork(in.annotations.getOrDefault("k8s.v1.cni.cncf.io/networks", ""), "default/istio-cni"));
    }
    a.put("sidecar.istio.io/interceptionMode", in.interceptionMode());
    putIfNotEmpty(a, Traffic.INCLUDE_OUTBOUND_IP_RANGES,
        in.annotation(Traffic.INCLUDE_OUTBOUND_IP_RANGES, "global.proxy.includeIPRanges"));
    putIfNotEmpty(a, Traffic.EXCLUDE_OUTBOUND_IP_RANGES,
        in.annotation(Traffic.EXCLUDE_OUTBOUND_IP_RANGES, "global.proxy.excludeIPRanges"));
    putIfNotEmpty(a, Traffic.INCLUDE_INBOUND_PORTS,
        in.annotation(Traffic.INCLUDE_INBOUND_PORTS, "global.proxy.includeInboundPorts"));
    a.put(Traffic.EXCLUDE_INBOUND_PORTS, Traffic.excludedInboundPorts(in));
    if (Traffic.includeOutboundPorts(in)) {
      a.put(Traffic.INCLUDE_OUTBOUND_PORTS, in.annotation(Traffic.INCLUDE_OUTBOUND_PORTS,
          "global.proxy.includeOutboundPorts"));
    }
    if (Traffic.excludeOutboundPorts(in)) {
      a.put(Traffic.EXCLUDE_OUTBOUND_PORTS, in.annotation(Traffic.EXCLUDE_OUTBOUND_PORTS,
          "global.proxy.excludeOutboundPorts"));
    }
    putIfNotEmpty(a, Traffic.KUBEVIRT_INTERFACES, in.annotations.getOrDefault(Traffic.KUBEVIRT_INTERFACES, ""));
    putIfNotEmpty(a, Traffic.EXCLUDE_INTERFACES, in.annotations.getOrDefault(Traffic.EXCLUDE_INTERFACES, ""));
  }

  /** Adds {@code network} to a Multus networks annotation (a comma list or a JSON list) unless it is there. */
  static String appendMultusNetwork(String existing, String network) {
    if (existing.isEmpty()) {
      return network;
    }
    int i = existing.lastIndexOf(']');
    if (i >= 0) {
      try {
        JsonNode list = MeshJackson.json().readTree(existing);
        for (JsonNode n : list) {
          if (network.equals(Json.text(n, "name"))) {
            return existing;
          }
        }
      } catch (IOException e) {
        return existing;
      }
      return existing.substring(0, i) + ", {\"name\": \"" + network + "\"}" + existing.substring(i);
    }
    for (String n : existing.split(",")) {
      if (n.trim().equals(network)) {
        return existing;
      }
    }
    return existing + ", " + network;
  }

  private static ObjectNode gateway(TemplateInput in) {
    ObjectNode pod = Json.obj();
    ObjectNode meta = pod.putObject("metadata");
    ObjectNode labels = meta.putObject("labels");
    labels.put("service.istio.io/canonical-name", in.canonicalName());
    labels.put("service.istio.io/canonical-revision", in.canonicalRevision());
    commonAnnotations(in, meta.putObject("annotations"), true);
    ObjectNode spec = pod.putObject("spec");
    ObjectNode sc = in.values.object("gateways.securityContext").filter(o -> !o.isEmpty()).orElseGet(() -> {
      ObjectNode d = Json.obj();
      d.putArray("sysctls").addObject().put("name", "net.ipv4.ip_unprivileged_port_start").put("value", "0");
      return d;
    });
    spec.set("securityContext", sc);
    ObjectNode c = spec.putArray("containers").addObject();
    c.put("name", TemplateInput.PROXY);
    String configured = in.values.text("global.proxy.image");
    c.put("image", configured.contains("/")
        ? in.annotation("sidecar.istio.io/proxyImage", "global.proxy.image") : in.proxyImage());
    ObjectNode port = c.putArray("ports").addObject();
    port.put("containerPort", 15090).put("protocol", "TCP").put("name", "http-envoy-prom");
    c.set("args", ProxyContainer.args(in, "router"));
    in.values.object("global.proxy.lifecycle").filter(o -> !o.isEmpty()).ifPresent(l -> c.set("lifecycle", l));
    c.putObject("securityContext").put("runAsUser", (int) in.features.proxyUid()).put("runAsGroup",
        (int) in.features.proxyGid());
    c.set("env", ProxyEnv.of(in, true));
    IptablesContainers.pullPolicy(in, c);
    ObjectNode ready = c.putObject("readinessProbe");
    ready.set("httpGet", ProxyContainer.readyGet());
    ProxyContainer.putInt(ready, "initialDelaySeconds", in.values.text("global.proxy.readinessInitialDelaySeconds"));
    ProxyContainer.putInt(ready, "periodSeconds", in.values.text("global.proxy.readinessPeriodSeconds"));
    ready.put("timeoutSeconds", 3);
    ProxyContainer.putInt(ready, "failureThreshold", in.values.text("global.proxy.readinessFailureThreshold"));
    c.set("volumeMounts", SidecarVolumes.mounts(in, true));
    spec.set("volumes", SidecarVolumes.volumes(in, true));
    pullSecrets(in, spec);
    return pod;
  }

  static void pullSecrets(TemplateInput in, ObjectNode spec) {
    JsonNode secrets = in.values.node("global.imagePullSecrets");
    if (secrets.isArray() && !secrets.isEmpty()) {
      ArrayNode out = spec.putArray("imagePullSecrets");
      secrets.forEach(s -> out.addObject().put("name", s.asText()));
    }
  }

  private static void putIfNotEmpty(ObjectNode node, String key, String value) {
    if (!value.isEmpty()) {
      node.put(key, value);
    }
  }
}
