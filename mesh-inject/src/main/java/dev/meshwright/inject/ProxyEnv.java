package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The proxy container's environment in the sidecar template's order: certificate provider and CA address,
 * downward-API fields, {@code PROXY_CONFIG} (the proxy config fields that differ from Istio's defaults),
 * {@code ISTIO_META_POD_PORTS}, the app containers, cluster, node, interception mode, network, workload name and
 * owner, mesh id, trust domain and finally the proxy metadata. Stateless.
 */
final class ProxyEnv {
  private ProxyEnv() {}

  /** The env of the {@code sidecar} template; {@code gateway} is the router variant (no probe/localhost env). */
  static ArrayNode of(TemplateInput in, boolean gateway) {
    ArrayNode env = Json.arr();
    if (!gateway && in.inboundTrafficPolicyMode().equals("localhost")) {
      env.add(Json.env("REWRITE_PROBE_LEGACY_LOCALHOST_DESTINATION", "true"));
    }
    env.add(Json.env("PILOT_CERT_PROVIDER", in.values.text("global.pilotCertProvider")));
    env.add(Json.env("CA_ADDR", caAddress(in)));
    env.add(Json.fieldEnv("POD_NAME", "metadata.name"));
    env.add(Json.fieldEnv("POD_NAMESPACE", "metadata.namespace"));
    env.add(Json.fieldEnv("INSTANCE_IP", "status.podIP"));
    env.add(Json.fieldEnv("SERVICE_ACCOUNT", "spec.serviceAccountName"));
    env.add(Json.fieldEnv("HOST_IP", "status.hostIP"));
    env.add(Json.resourceEnv("ISTIO_CPU_LIMIT", "limits.cpu"));
    env.add(Json.env("PROXY_CONFIG", ProxyConfigJson.nonDefault(in.proxyConfig) + "\n"));
    env.add(Json.env("ISTIO_META_POD_PORTS", podPorts(in)));
    if (!gateway) {
      env.add(Json.env("ISTIO_META_APP_CONTAINERS", String.join(",", in.appContainers())));
    }
    env.add(Json.resourceEnv("GOMEMLIMIT", "limits.memory"));
    env.add(Json.resourceEnv("GOMAXPROCS", "limits.cpu"));
    if (!in.features.compliancePolicy().isEmpty()) {
      env.add(Json.env("COMPLIANCE_POLICY", in.features.compliancePolicy()));
    }
    if (gateway) {
      env.add(Json.env("ISTIO_META_APP_CONTAINERS", String.join(",", in.appContainers())));
    }
    String cluster = in.values.text("global.multiCluster.clusterName");
    env.add(Json.env("ISTIO_META_CLUSTER_ID", cluster.isEmpty() ? "Kubernetes" : cluster));
    env.add(Json.fieldEnv("ISTIO_META_NODE_NAME", "spec.nodeName"));
    String mode = gateway ? in.proxyConfig.interceptionMode().map(Enum::name).orElse("REDIRECT")
        : in.annotations.getOrDefault("sidecar.istio.io/interceptionMode", "");
    if (mode.isEmpty()) {
      mode = in.proxyConfig.interceptionMode().map(Enum::name).orElse("REDIRECT");
    }
    env.add(Json.env("ISTIO_META_INTERCEPTION_MODE", mode));
    String network = in.values.text("global.network");
    if (!network.isEmpty()) {
      env.add(Json.env("ISTIO_META_NETWORK", network));
    }
    if (!in.workload.name().isEmpty()) {
      env.add(Json.env("ISTIO_META_WORKLOAD_NAME", in.workload.name()));
    }
    if (!in.workload.apiVersion().isEmpty() && !in.workload.name().isEmpty()) {
      env.add(Json.env("ISTIO_META_OWNER", in.workload.owner()));
    }
    if (!gateway && in.annotations.containsKey("sidecar.istio.io/bootstrapOverride")) {
      env.add(Json.env("ISTIO_BOOTSTRAP_OVERRIDE", "/etc/istio/custom-bootstrap/custom_bootstrap.json"));
    }
    String meshId = in.values.text("global.meshID");
    String trustDomain = in.trustDomain();
    if (!meshId.isEmpty()) {
      env.add(Json.env("ISTIO_META_MESH_ID", meshId));
    } else if (!trustDomain.isEmpty()) {
      env.add(Json.env("ISTIO_META_MESH_ID", trustDomain));
    }
    if (!trustDomain.isEmpty()) {
      env.add(Json.env("TRUST_DOMAIN", trustDomain));
    }
    if (!gateway && in.values.text("global.proxy.tracer").equals("datadog")
        && in.annotations.containsKey("apm.datadoghq.com/env")) {
      datadog(in.annotations.get("apm.datadoghq.com/env")).forEach((k, v) -> env.add(Json.env(k, v)));
    }
    new TreeMap<>(in.proxyConfig.proxyMetadata()).forEach((k, v) -> env.add(Json.env(k, v)));
    return env;
  }

  private static String caAddress(TemplateInput in) {
    String ca = in.values.text("global.caAddress");
    if (!ca.isEmpty()) {
      return ca;
    }
    String rev = in.values.text("revision");
    return "istiod" + (rev.isEmpty() ? "" : "-" + rev) + "." + in.values.text("global.istioNamespace") + ".svc:15012";
  }

  /** The ports of every container as the pretty JSON array the template writes. */
  static String podPorts(TemplateInput in) {
    List<String> ports = new ArrayList<>();
    for (JsonNode c : in.spec().path("containers")) {
      for (JsonNode p : c.path("ports")) {
        ObjectNode port = Json.obj();
        copyIfSet(p, port, "name");
        if (p.path("hostPort").asInt(0) != 0) {
          port.set("hostPort", p.get("hostPort"));
        }
        port.put("containerPort", p.path("containerPort").asInt(0));
        copyIfSet(p, port, "protocol");
        copyIfSet(p, port, "hostIP");
        ports.add(port.toString());
      }
    }
    return ports.isEmpty() ? "[\n]" : "[\n    " + String.join("\n    ,", ports) + "\n]";
  }

  private static void copyIfSet(JsonNode from, ObjectNode to, String key) {
    String v = Json.text(from, key);
    if (!v.isEmpty()) {
      to.put(key, v);
    }
  }

  private static Map<String, String> datadog(String json) {
    Map<String, String> out = new TreeMap<>();
    try {
      JsonNode n = dev.meshwright.api.json.MeshJackson.json().readTree(json);
      n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    } catch (java.io.IOException e) {
      // Istio renders nothing for an unreadable value
    }
    return out;
  }
}
