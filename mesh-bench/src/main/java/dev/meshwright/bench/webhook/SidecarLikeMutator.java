package dev.meshwright.bench.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.inject.webhook.AdmissionOutcome;
import dev.meshwright.inject.webhook.PodMutator;
import dev.meshwright.inject.webhook.PodRequest;

/**
 * A stand-in for the injector with an injector's per-pod work, for the webhook benchmark only: it reads the
 * pod's containers and ports and builds a patch of the shape Istio's has (labels, status annotation, an init
 * container, the proxy container with ~20 env vars, four volumes). The proxy is not a real one.
 */
final class SidecarLikeMutator implements PodMutator {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public AdmissionOutcome mutate(PodRequest request) {
    JsonNode pod = request.pod();
    ArrayNode ports = JSON.createArrayNode();
    StringBuilder containers = new StringBuilder();
    for (JsonNode c : pod.path("spec").path("containers")) {
      containers.append(containers.length() == 0 ? "" : ",").append(c.path("name").asText());
      for (JsonNode p : c.path("ports")) {
        ports.add(p);
      }
    }
    String app = pod.path("metadata").path("labels").path("app").asText("unknown");
    ArrayNode patch = JSON.createArrayNode();
    add(patch, "/metadata/labels/security.istio.io~1tlsMode", JSON.getNodeFactory().textNode("istio"));
    add(patch, "/metadata/labels/service.istio.io~1canonical-name", JSON.getNodeFactory().textNode(app));
    add(patch, "/metadata/annotations/sidecar.istio.io~1status", JSON.getNodeFactory().textNode(
        "{\"initContainers\":[\"istio-init\"],\"containers\":[\"istio-proxy\"],\"volumes\":[\"workload-socket\","
            + "\"credential-socket\",\"istio-envoy\",\"istio-token\"],\"revision\":\"default\"}"));
    ObjectNode init = JSON.createObjectNode().put("name", "istio-init").put("image", "docker.io/istio/proxyv2:1.22.8");
    init.putArray("args").add("istio-iptables").add("-p").add("15001").add("-z").add("15006").add("-u")
        .add("1337").add("-m").add("REDIRECT").add("-i").add("*").add("-b").add("*");
    patch.addObject().put("op", "add").put("path", "/spec/initContainers").putArray("value").add(init);
    ObjectNode proxy = JSON.createObjectNode().put("name", "istio-proxy")
        .put("image", "docker.io/istio/proxyv2:1.22.8");
    proxy.putArray("args").add("proxy").add("sidecar").add("--domain").add("$(POD_NAMESPACE).svc.cluster.local");
    ArrayNode env = proxy.putArray("env");
    env.addObject().put("name", "ISTIO_META_POD_PORTS").put("value", ports.toString());
    env.addObject().put("name", "ISTIO_META_APP_CONTAINERS").put("value", containers.toString());
    env.addObject().put("name", "ISTIO_META_WORKLOAD_NAME").put("value", app);
    for (int i = 0; i < 18; i++) {
      env.addObject().put("name", "PROXY_SETTING_" + i).put("value", "v" + i);
    }
    request.proxyEnvs().forEach((k, v) -> env.addObject().put("name", k).put("value", v));
    add(patch, "/spec/containers/-", proxy);
    for (String v : new String[] {"workload-socket", "credential-socket", "istio-envoy", "istio-token"}) {
      ObjectNode volume = JSON.createObjectNode().put("name", v);
      volume.putObject("emptyDir");
      add(patch, "/spec/volumes/-", volume);
    }
    return AdmissionOutcome.patch(patch.toString());
  }

  private static void add(ArrayNode patch, String path, JsonNode value) {
    patch.addObject().put("op", "add").put("path", path).set("value", value);
  }
}
