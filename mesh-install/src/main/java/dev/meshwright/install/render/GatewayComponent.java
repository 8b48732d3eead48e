package dev.meshwright.install.render;

import static dev.meshwright.install.render.Tree.arr;
import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One ingress or egress gateway instance: ServiceAccount, Deployment, PodDisruptionBudget, the
 * {@code <name>-sds} Role and RoleBinding, Service and (when autoscaling) an HPA. The gateway's values are the
 * chart's {@code gateways.istio-<in|e>gressgateway} values with the instance's name, labels and service
 * ports. Stateless.
 */
final class GatewayComponent {
  private GatewayComponent() {}

  /** The values of one gateway instance, built from the component's chart values and its spec entry. */
  static ObjectNode gatewayValues(JsonNode values, Component component, JsonNode instance) {
    String key = component == Component.INGRESS_GATEWAYS ? "istio-ingressgateway" : "istio-egressgateway";
    ObjectNode gw = Tree.map(values, "gatewayCommon");
    Tree.mergeValues(gw, values.path("gateways").path(key));
    gw.put("name", Tree.text(instance, "name", key));
    if (Tree.truthy(instance.path("label"))) {
      Tree.mergeValues(RenderValues.child(gw, "labels"), instance.get("label"));
    }
    JsonNode ports = instance.path("k8s").path("service").path("ports");
    if (ports.isArray() && ports.size() > 0) {
      gw.set("ports", ports.deepCopy());
    }
    return gw;
  }

  static List<ObjectNode> render(JsonNode values, Component component, ObjectNode gw, String ns) {
    String name = gw.path("name").asText();
    ObjectNode selector = gw.get("labels") instanceof ObjectNode l ? PilotWorkload.stringMap(l) : obj();
    List<ObjectNode> out = new ArrayList<>();
    ObjectNode commonLabels = selector.deepCopy();
    Tree.with(commonLabels, Charts.operatorLabels(values, component));
    commonLabels.put("istio.io/rev", Charts.revisionLabel(values));
    commonLabels.put("release", Charts.RELEASE);
    out.add(Tree.object("v1", "ServiceAccount", name + "-service-account", ns, commonLabels.deepCopy()));
    out.add(deployment(values, component, gw, ns, selector, commonLabels));
    if (Tree.truthy(values, "global.defaultPodDisruptionBudget.enabled")) {
      ObjectNode pdb = Tree.object("policy/v1", "PodDisruptionBudget", name, ns, commonLabels.deepCopy());
      pdb.set("spec", obj("minAvailable", 1, "selector", obj("matchLabels", selector.deepCopy())));
      out.add(pdb);
    }
    ObjectNode rbacLabels = Charts.operatorLabels(values, component);
    rbacLabels.put("istio.io/rev", Charts.revisionLabel(values));
    rbacLabels.put("release", Charts.RELEASE);
    ObjectNode role = Tree.object("rbac.authorization.k8s.io/v1", "Role", name + "-sds", ns, rbacLabels.deepCopy());
    role.set("rules", arr(Charts.rule(arr(""), arr("secrets"), arr("get", "watch", "list"))));
    out.add(role);
    out.add(PilotRbac.binding("RoleBinding", name + "-sds", ns, rbacLabels, "Role", name + "-service-account", null));
    out.add(service(gw, ns, selector, commonLabels));
    if (Tree.truthy(gw, "autoscaleEnabled") && Tree.truthy(gw, "autoscaleMin") && Tree.truthy(gw, "autoscaleMax")) {
      ObjectNode hpa = Tree.object("autoscaling/v2", "HorizontalPodAutoscaler", name, ns, commonLabels.deepCopy());
      hpa.set("spec", obj("maxReplicas", gw.get("autoscaleMax").deepCopy(), "metrics", Autoscaling.metrics(gw),
          "minReplicas", gw.get("autoscaleMin").deepCopy(), "scaleTargetRef",
          obj("apiVersion", "apps/v1", "kind", "Deployment", "name", name)));
      out.add(hpa);
    }
    return out;
  }

  private static ObjectNode deployment(JsonNode values, Component component, ObjectNode gw, String ns,
      ObjectNode selector, ObjectNode labels) {
    String name = gw.path("name").asText();
    ObjectNode d = Tree.object("apps/v1", "Deployment", name, ns, labels.deepCopy());
    ObjectNode spec = d.putObject("spec");
    if (!Tree.truthy(gw, "autoscaleEnabled") && Tree.truthy(gw, "replicaCount")) {
      spec.set("replicas", gw.get("replicaCount").deepCopy());
    }
    spec.set("selector", obj("matchLabels", selector.deepCopy()));
    spec.set("strategy", obj("rollingUpdate", obj("maxSurge", gw.path("rollingMaxSurge").deepCopy(),
        "maxUnavailable", gw.path("rollingMaxUnavailable").deepCopy())));
    ObjectNode podLabels = selector.deepCopy();
    if (ns.equals("istio-system")) {
      podLabels.put("chart", "gateways");
      podLabels.put("heritage", "Tiller");
      podLabels.put("release", Charts.RELEASE);
    }
    Tree.with(podLabels, Charts.operatorLabels(values, component));
    podLabels.put("istio.io/rev", Charts.revisionLabel(values));
    podLabels.put("service.istio.io/canonical-name", name);
    String canonicalRevision = selector.path("app.kubernetes.io/version").asText(selector.path("version").asText(""));
    if (canonicalRevision.isEmpty()) {
      canonicalRevision = Charts.revision(values).isEmpty() ? "latest" : Charts.revision(values);
    }
    podLabels.put("service.istio.io/canonical-revision", canonicalRevision);
    podLabels.put("sidecar.istio.io/inject", "false");
    ObjectNode annotations = obj("istio.io/rev", Charts.revisionLabel(values));
    if (Tree.truthy(values, "meshConfig.enablePrometheusMerge")) {
      annotations.put("prometheus.io/path", "/stats/prometheus");
      annotations.put("prometheus.io/port", "15020");
      annotations.put("prometheus.io/scrape", "true");
    }
    annotations.put("sidecar.istio.io/inject", "false");
    Tree.with(annotations, Tree.map(gw, "podAnnotations"));
    ObjectNode pod = obj("affinity", obj("nodeAffinity", obj(
        "preferredDuringSchedulingIgnoredDuringExecution", null, "requiredDuringSchedulingIgnoredDuringExecution", null)));
    pod.set("containers", arr(proxy(values, gw, ns)));
    if (Tree.truthy(gw, "nodeSelector")) {
      pod.set("nodeSelector", Tree.map(gw, "nodeSelector"));
    }
    String priority = Tree.text(values, "global.priorityClassName", "");
    if (!priority.isEmpty()) {
      pod.put("priorityClassName", priority);
    }
    if (!Tree.truthy(gw, "runAsRoot")) {
      ObjectNode sc = obj();
      if (!Tree.text(values, "global.platform", "").equals("openshift")) {
        sc.put("runAsGroup", 1337);
      }
      sc.put("runAsNonRoot", true);
      if (!Tree.text(values, "global.platform", "").equals("openshift")) {
        sc.put("runAsUser", 1337);
      }
      pod.set("securityContext", sc);
    }
    pod.put("serviceAccountName", name + "-service-account");
    if (Tree.truthy(gw, "tolerations")) {
      pod.set("tolerations", gw.get("tolerations").deepCopy());
    }
    pod.set("volumes", volumes(gw));
    spec.set("template", obj("metadata", obj("annotations", annotations, "labels", podLabels), "spec", pod));
    return d;
  }

  private static ObjectNode proxy(JsonNode values, ObjectNode gw, String ns) {
    String name = gw.path("name").asText();
    String istioNs = Tree.text(values, "global.istioNamespace", "istio-system");
    ArrayNode args = arr("proxy", "router", "--domain", "$(POD_NAMESPACE).svc."
        + Tree.text(values, "global.proxy.clusterDomain", "cluster.local"),
        "--proxyLogLevel=" + Tree.text(values, "global.proxy.logLevel", "warning"),
        "--proxyComponentLogLevel=" + Tree.text(values, "global.proxy.componentLogLevel", "misc:error"),
        "--log_output_level=" + Tree.text(values, "global.logging.level", "default:info"));
    String caAddr = Tree.text(values, "global.caAddress", "");
    if (caAddr.isEmpty()) {
      caAddr = Charts.revisioned("istiod", values) + "." + istioNs + ".svc:15012";
    }
    String meshId = Tree.text(values, "global.meshID", Tree.text(values, "meshConfig.trustDomain", "cluster.local"));
    ArrayNode env = arr(
        Charts.env("PILOT_CERT_PROVIDER", Tree.text(values, "global.pilotCertProvider", "istiod")),
        Charts.env("CA_ADDR", caAddr),
        Charts.fieldEnv("NODE_NAME", "spec.nodeName", true),
        Charts.fieldEnv("POD_NAME", "metadata.name", true),
        Charts.fieldEnv("POD_NAMESPACE", "metadata.namespace", true),
        Charts.fieldEnv("INSTANCE_IP", "status.podIP", true),
        Charts.fieldEnv("HOST_IP", "status.hostIP", true),
        Charts.resourceEnv("ISTIO_CPU_LIMIT", "limits.cpu"),
        Charts.fieldEnv("SERVICE_ACCOUNT", "spec.serviceAccountName", false),
        Charts.env("ISTIO_META_WORKLOAD_NAME", name),
        Charts.env("ISTIO_META_OWNER", "kubernetes://apis/apps/v1/namespaces/" + ns + "/deployments/" + name),
        Charts.env("ISTIO_META_MESH_ID", meshId),
        Charts.env("TRUST_DOMAIN", Tree.text(values, "meshConfig.trustDomain", "cluster.local")));
    if (!Tree.truthy(gw, "runAsRoot")) {
      env.add(Charts.env("ISTIO_META_UNPRIVILEGED_POD", "true"));
    }
    for (Map.Entry<String, JsonNode> e : PilotWorkload.sorted(gw.path("env"))) {
      env.add(Charts.env(e.getKey(), Tree.scalar(e.getValue())));
    }
    String network = Tree.text(values, "global.network", "");
    if (!network.isEmpty()) {
      env.add(Charts.env("ISTIO_META_NETWORK", network));
    }
    env.add(Charts.env("ISTIO_META_CLUSTER_ID", Tree.text(values, "global.multiCluster.clusterName", "Kubernetes")));
    env.add(Charts.fieldEnv("ISTIO_META_NODE_NAME", "spec.nodeName", false));
    ArrayNode ports = Tree.NODES.arrayNode();
    for (JsonNode p : gw.path("ports")) {
      JsonNode target = p.hasNonNull("targetPort") ? p.get("targetPort") : p.get("port");
      ports.add(obj("containerPort", target == null ? null : target.deepCopy(),
          "protocol", p.path("protocol").asText("TCP")));
    }
    ports.add(obj("containerPort", 15090, "name", "http-envoy-prom", "protocol", "TCP"));
    ObjectNode c = obj("args", args, "env", env, "image", Charts.proxyImage(values));
    String pull = Tree.text(values, "global.imagePullPolicy", "");
    if (!pull.isEmpty()) {
      c.put("imagePullPolicy", pull);
    }
    c.put("name", "istio-proxy");
    c.set("ports", ports);
    c.set("readinessProbe", obj("failureThreshold", 30, "httpGet", obj("path", "/healthz/ready", "port", 15021,
        "scheme", "HTTP"), "initialDelaySeconds", 1, "periodSeconds", 2, "successThreshold", 1, "timeoutSeconds", 1));
    c.set("resources", Tree.truthy(gw, "resources") ? Tree.map(gw, "resources")
        : Tree.map(values, "global.defaultResources"));
    c.set("securityContext", obj("allowPrivilegeEscalation", false, "capabilities", obj("drop", arr("ALL")),
        "privileged", false, "readOnlyRootFilesystem", true));
    ArrayNode mounts = arr(
        obj("mountPath", "/var/run/secrets/workload-spiffe-uds", "name", "workload-socket"),
        obj("mountPath", "/var/run/secrets/credential-uds", "name", "credential-socket"),
        obj("mountPath", "/var/run/secrets/workload-spiffe-credentials", "name", "workload-certs"),
        obj("mountPath", "/etc/istio/proxy", "name", "istio-envoy"),
        obj("mountPath", "/etc/istio/config", "name", "config-volume"),
        obj("mountPath", "/var/run/secrets/istio", "name", "istiod-ca-cert"),
        obj("mountPath", "/var/run/secrets/tokens", "name", "istio-token", "readOnly", true),
        obj("mountPath", "/var/lib/istio/data", "name", "istio-data"),
        obj("mountPath", "/etc/istio/pod", "name", "podinfo"));
    for (JsonNode v : gw.path("secretVolumes")) {
      mounts.add(obj("mountPath", v.path("mountPath").asText(), "name", v.path("name").asText(), "readOnly", true));
    }
    c.set("volumeMounts", mounts);
    return c;
  }

  private static ArrayNode volumes(ObjectNode gw) {
    ArrayNode v = arr(
        obj("emptyDir", obj(), "name", "workload-socket"),
        obj("emptyDir", obj(), "name", "credential-socket"),
        obj("emptyDir", obj(), "name", "workload-certs"),
        obj("configMap", obj("name", "istio-ca-root-cert"), "name", "istiod-ca-cert"),
        obj("downwardAPI", obj("items", arr(
            obj("fieldRef", obj("fieldPath", "metadata.labels"), "path", "labels"),
            obj("fieldRef", obj("fieldPath", "metadata.annotations"), "path", "annotations"))), "name", "podinfo"),
        obj("emptyDir", obj(), "name", "istio-envoy"),
        obj("emptyDir", obj(), "name", "istio-data"),
        Charts.tokenVolume(),
        obj("configMap", obj("name", "istio", "optional", true), "name", "config-volume"));
    for (JsonNode s : gw.path("secretVolumes")) {
      v.add(obj("name", s.path("name").asText(), "secret",
          obj("optional", true, "secretName", s.path("secretName").asText())));
    }
    return v;
  }

  private static ObjectNode service(ObjectNode gw, String ns, ObjectNode selector, ObjectNode labels) {
    ObjectNode s = Tree.object("v1", "Service", gw.path("name").asText(), ns, labels.deepCopy());
    ObjectNode annotations = Tree.map(gw, "serviceAnnotations");
    ((ObjectNode) s.get("metadata")).set("annotations", annotations.size() > 0 ? annotations : null);
    ObjectNode spec = obj();
    String lbIp = Tree.text(gw, "loadBalancerIP", "");
    if (!lbIp.isEmpty()) {
      spec.put("loadBalancerIP", lbIp);
    }
    String etp = Tree.text(gw, "externalTrafficPolicy", "");
    if (!etp.isEmpty()) {
      spec.put("externalTrafficPolicy", etp);
    }
    ArrayNode ports = Tree.NODES.arrayNode();
    for (JsonNode p : gw.path("ports")) {
      ObjectNode port = p.deepCopy();
      if (!port.has("protocol")) {
        port.put("protocol", "TCP");
      }
      ports.add(port);
    }
    spec.set("ports", ports);
    spec.set("selector", selector.deepCopy());
    spec.put("type", Tree.text(gw, "type", "ClusterIP"));
    s.set("spec", spec);
    return s;
  }
}
