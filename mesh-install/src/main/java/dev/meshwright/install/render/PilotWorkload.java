package dev.meshwright.install.render;

import static dev.meshwright.install.render.Tree.arr;
import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** istiod's Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget. Stateless. */
final class PilotWorkload {
  private PilotWorkload() {}

  static List<ObjectNode> render(JsonNode values, String ns) {
    List<ObjectNode> out = new ArrayList<>();
    out.add(deployment(values, ns));
    out.add(service(values, ns));
    if (Tree.truthy(values, "pilot.autoscaleEnabled") && Tree.truthy(values, "pilot.autoscaleMin")
        && Tree.truthy(values, "pilot.autoscaleMax")) {
      out.add(hpa(values, ns));
    }
    if (Tree.truthy(values, "global.defaultPodDisruptionBudget.enabled")) {
      out.add(pdb(values, ns));
    }
    return out;
  }

  private static ObjectNode labels(JsonNode values) {
    ObjectNode l = obj("app", "istiod");
    Tree.with(l, Charts.operatorLabels(values, Component.PILOT));
    l.put("istio", "pilot");
    l.put("istio.io/rev", Charts.revisionLabel(values));
    l.put("release", Charts.RELEASE);
    return l;
  }

  /** The labels the Service and PDB select istiod pods by. */
  private static ObjectNode selectorLabels(JsonNode values) {
    String rev = Charts.revision(values);
    return rev.isEmpty() ? obj("app", "istiod", "istio", "pilot") : obj("app", "istiod", "istio.io/rev", rev);
  }

  private static ObjectNode deployment(JsonNode values, String ns) {
    String rev = Charts.revision(values);
    ObjectNode labels = labels(values);
    Tree.with(labels, stringMap(values.path("pilot").path("deploymentLabels")));
    ObjectNode d = Tree.object("apps/v1", "Deployment", Charts.revisioned("istiod", values), ns, labels);
    ObjectNode spec = d.putObject("spec");
    if (!Tree.truthy(values, "pilot.autoscaleEnabled") && Tree.truthy(values, "pilot.replicaCount")) {
      spec.set("replicas", values.path("pilot").path("replicaCount").deepCopy());
    }
    spec.set("selector", obj("matchLabels", rev.isEmpty() ? obj("istio", "pilot")
        : obj("app", "istiod", "istio.io/rev", rev)));
    spec.set("strategy", obj("rollingUpdate", obj(
        "maxSurge", values.path("pilot").path("rollingMaxSurge").deepCopy(),
        "maxUnavailable", values.path("pilot").path("rollingMaxUnavailable").deepCopy())));
    ObjectNode podLabels = obj("app", "istiod");
    Tree.with(podLabels, Charts.operatorLabels(values, Component.PILOT));
    podLabels.put("istio", rev.isEmpty() ? "pilot" : "istiod");
    podLabels.put("istio.io/rev", Charts.revisionLabel(values));
    podLabels.put("sidecar.istio.io/inject", "false");
    Tree.with(podLabels, stringMap(values.path("pilot").path("podLabels")));
    podLabels.put("istio.io/dataplane-mode", "none");
    ObjectNode annotations = obj();
    if (Tree.truthy(values, "meshConfig.enablePrometheusMerge")) {
      annotations.put("prometheus.io/port", "15014");
      annotations.put("prometheus.io/scrape", "true");
    }
    annotations.put("sidecar.istio.io/inject", "false");
    Tree.with(annotations, Tree.map(values, "pilot.podAnnotations"));
    ObjectNode pod = obj();
    if (Tree.truthy(values, "pilot.nodeSelector")) {
      pod.set("nodeSelector", Tree.map(values, "pilot.nodeSelector"));
    }
    copyIfSet(values, "pilot.affinity", pod, "affinity");
    ArrayNode tolerations = arr(obj("key", "cni.istio.io/not-ready", "operator", "Exists"));
    values.path("pilot").path("tolerations").forEach(t -> tolerations.add(t.deepCopy()));
    pod.set("tolerations", tolerations);
    copyIfSet(values, "pilot.topologySpreadConstraints", pod, "topologySpreadConstraints");
    pod.put("serviceAccountName", Charts.revisioned("istiod", values));
    String priority = Tree.text(values, "global.priorityClassName", "");
    if (!priority.isEmpty()) {
      pod.put("priorityClassName", priority);
    }
    pod.set("containers", arr(container(values)));
    pod.set("volumes", volumes(values));
    spec.set("template", obj("metadata", obj("annotations", annotations, "labels", podLabels), "spec", pod));
    return d;
  }

  private static ObjectNode container(JsonNode values) {
    ArrayNode args = arr("discovery", "--monitoringAddr=:15014");
    if (Tree.truthy(values, "global.logging.level")) {
      args.add("--log_output_level=" + Tree.text(values, "global.logging.level", ""));
    }
    if (Tree.truthy(values, "global.logAsJson")) {
      args.add("--log_as_json");
    }
    args.add("--domain");
    args.add(Tree.text(values, "global.proxy.clusterDomain", "cluster.local"));
    String cniNamespace = Tree.text(values, "pilot.taint.namespace", "");
    if (!cniNamespace.isEmpty()) {
      args.add("--cniNamespace=" + cniNamespace);
    }
    args.add("--keepaliveMaxServerConnectionAge");
    args.add(Tree.text(values, "pilot.keepaliveMaxServerConnectionAge", ""));
    values.path("pilot").path("extraContainerArgs").forEach(a -> args.add(a.deepCopy()));
    ArrayNode env = arr(
        Charts.env("REVISION", Charts.revisionLabel(values)),
        Charts.env("PILOT_CERT_PROVIDER", Tree.text(values, "global.pilotCertProvider", "istiod")),
        Charts.fieldEnv("POD_NAME", "metadata.name", true),
        Charts.fieldEnv("POD_NAMESPACE", "metadata.namespace", true),
        Charts.fieldEnv("SERVICE_ACCOUNT", "spec.serviceAccountName", true),
        Charts.env("KUBECONFIG", "/var/run/secrets/remote/config"));
    for (Map.Entry<String, JsonNode> e : sorted(values.path("pilot").path("env"))) {
      env.add(e.getValue().isContainerNode() ? obj("name", e.getKey(), "valueFrom", e.getValue().deepCopy())
          : Charts.env(e.getKey(), Tree.scalar(e.getValue())));
    }
    if (Tree.truthy(values, "pilot.traceSampling")) {
      env.add(Charts.env("PILOT_TRACE_SAMPLING", Tree.scalar(values.path("pilot").path("traceSampling"))));
    }
    env.add(Charts.env("PILOT_ENABLE_ANALYSIS", Boolean.toString(Tree.truthy(values, "global.istiod.enableAnalysis"))));
    env.add(Charts.env("CLUSTER_ID", Tree.text(values, "global.multiCluster.clusterName", "Kubernetes")));
    env.add(Charts.resourceEnv("GOMEMLIMIT", "limits.memory"));
    env.add(Charts.resourceEnv("GOMAXPROCS", "limits.cpu"));
    env.add(Charts.env("PLATFORM", Tree.text(values, "global.platform", "")));
    ObjectNode c = obj("args", args, "env", env, "image", Charts.image(values, "pilot", "pilot"));
    String pull = Tree.text(values, "global.imagePullPolicy", "");
    if (!pull.isEmpty()) {
      c.put("imagePullPolicy", pull);
    }
    c.put("name", "discovery");
    c.set("ports", arr(obj("containerPort", 8080, "protocol", "TCP"), obj("containerPort", 15010, "protocol", "TCP"),
        obj("containerPort", 15017, "protocol", "TCP")));
    c.set("readinessProbe", obj("httpGet", obj("path", "/ready", "port", 8080), "initialDelaySeconds", 1,
        "periodSeconds", 3, "timeoutSeconds", 5));
    c.set("resources", Tree.truthy(values, "pilot.resources") ? Tree.map(values, "pilot.resources")
        : Tree.map(values, "global.defaultResources"));
    ObjectNode security = obj("allowPrivilegeEscalation", false, "capabilities", obj("drop", arr("ALL")),
        "readOnlyRootFilesystem", true, "runAsNonRoot", true);
    copyIfSet(values, "pilot.seccompProfile", security, "seccompProfile");
    c.set("securityContext", security);
    c.set("volumeMounts", arr(
        obj("mountPath", "/var/run/secrets/tokens", "name", "istio-token", "readOnly", true),
        obj("mountPath", "/var/run/secrets/istio-dns", "name", "local-certs"),
        obj("mountPath", "/etc/cacerts", "name", "cacerts", "readOnly", true),
        obj("mountPath", "/var/run/secrets/remote", "name", "istio-kubeconfig", "readOnly", true)));
    ArrayNode mounts = (ArrayNode) c.get("volumeMounts");
    boolean extraRoots = Tree.truthy(values, "pilot.jwksResolverExtraRootCA");
    if (extraRoots) {
      mounts.add(obj("mountPath", "/cacerts", "name", "extracacerts"));
    }
    mounts.add(obj("mountPath", "/var/run/secrets/istiod/tls", "name", "istio-csr-dns-cert", "readOnly", true));
    mounts.add(obj("mountPath", "/var/run/secrets/istiod/ca", "name", "istio-csr-ca-configmap", "readOnly", true));
    values.path("pilot").path("volumeMounts").forEach(m -> mounts.add(m.deepCopy()));
    return c;
  }

  private static ArrayNode volumes(JsonNode values) {
    ObjectNode token = Charts.tokenVolume();
    ((ObjectNode) token.at("/projected/sources/0/serviceAccountToken"))
        .put("audience", Tree.text(values, "global.sds.token.aud", "istio-ca"));
    ArrayNode volumes = arr(
        obj("emptyDir", obj("medium", "Memory"), "name", "local-certs"),
        token,
        obj("name", "cacerts", "secret", obj("optional", true, "secretName", "cacerts")),
        obj("name", "istio-kubeconfig", "secret", obj("optional", true, "secretName", "istio-kubeconfig")),
        obj("name", "istio-csr-dns-cert", "secret", obj("optional", true, "secretName", "istiod-tls")),
        obj("configMap", obj("defaultMode", 420, "name", "istio-ca-root-cert", "optional", true),
            "name", "istio-csr-ca-configmap"));
    if (Tree.truthy(values, "pilot.jwksResolverExtraRootCA")) {
      volumes.add(obj("name", "extracacerts", "configMap",
          obj("name", Charts.revisioned("pilot-jwks-extra-cacerts", values))));
    }
    values.path("pilot").path("volumes").forEach(v -> volumes.add(v.deepCopy()));
    return volumes;
  }

  private static ObjectNode service(JsonNode values, String ns) {
    ObjectNode s = Tree.object("v1", "Service", Charts.revisioned("istiod", values), ns, labels(values));
    ObjectNode annotations = Tree.map(values, "pilot.serviceAnnotations");
    if (annotations.size() > 0) {
      ((ObjectNode) s.get("metadata")).set("annotations", annotations);
    }
    s.set("spec", obj("ports", arr(
        obj("name", "grpc-xds", "port", 15010, "protocol", "TCP"),
        obj("name", "https-dns", "port", 15012, "protocol", "TCP"),
        obj("name", "https-webhook", "port", 443, "protocol", "TCP", "targetPort", 15017),
        obj("name", "http-monitoring", "port", 15014, "protocol", "TCP")),
        "selector", selectorLabels(values)));
    copyIfSet(values, "pilot.ipFamilyPolicy", (ObjectNode) s.get("spec"), "ipFamilyPolicy");
    copyIfSet(values, "pilot.ipFamilies", (ObjectNode) s.get("spec"), "ipFamilies");
    return s;
  }

  private static ObjectNode hpa(JsonNode values, String ns) {
    ObjectNode labels = labels(values);
    labels.remove("istio");
    ObjectNode h = Tree.object("autoscaling/v2", "HorizontalPodAutoscaler", Charts.revisioned("istiod", values), ns,
        labels);
    ObjectNode spec = obj("maxReplicas", values.path("pilot").path("autoscaleMax").deepCopy());
    spec.set("metrics", Autoscaling.metrics(values.path("pilot")));
    spec.set("minReplicas", values.path("pilot").path("autoscaleMin").deepCopy());
    spec.set("scaleTargetRef", obj("apiVersion", "apps/v1", "kind", "Deployment",
        "name", Charts.revisioned("istiod", values)));
    if (Tree.truthy(values, "pilot.autoscaleBehavior")) {
      spec.set("behavior", Tree.map(values, "pilot.autoscaleBehavior"));
    }
    h.set("spec", spec);
    return h;
  }

  private static ObjectNode pdb(JsonNode values, String ns) {
    ObjectNode p = Tree.object("policy/v1", "PodDisruptionBudget", Charts.revisioned("istiod", values), ns,
        labels(values));
    p.set("spec", obj("minAvailable", 1, "selector", obj("matchLabels", selectorLabels(values))));
    return p;
  }

  private static void copyIfSet(JsonNode values, String path, ObjectNode target, String key) {
    JsonNode v = Tree.at(values, path);
    if (Tree.truthy(v)) {
      target.set(key, v.deepCopy());
    }
  }

  /** The entries of a map as strings, sorted by key (Helm ranges over maps in key order). */
  static ObjectNode stringMap(JsonNode map) {
    ObjectNode out = obj();
    for (Map.Entry<String, JsonNode> e : sorted(map)) {
      out.put(e.getKey(), Tree.scalar(e.getValue()));
    }
    return out;
  }

  static List<Map.Entry<String, JsonNode>> sorted(JsonNode map) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    if (map instanceof ObjectNode o) {
      entries.addAll(o.properties());
    }
    entries.sort(Map.Entry.comparingByKey());
    return entries;
  }
}
