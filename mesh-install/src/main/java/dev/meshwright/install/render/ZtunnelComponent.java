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
 * The ztunnel chart: ServiceAccount and DaemonSet {@code ztunnel} in the in-pod redirection shape a 1.22.8
 * istio-cni agent works with ({@code INPOD_ENABLED}, the {@code /var/run/ztunnel} socket directory shared
 * with the CNI agent, a writable {@code /tmp}, {@code NET_ADMIN}/{@code SYS_ADMIN}/{@code NET_RAW}), plus a
 * ClusterRole and binding on OpenShift. Reads the chart's flat values ({@code hub}, {@code image},
 * {@code resources}, ... at the root). Stateless.
 */
final class ZtunnelComponent {
  private ZtunnelComponent() {}

  static List<ObjectNode> render(JsonNode values, String ns) {
    List<ObjectNode> out = new ArrayList<>();
    ObjectNode sa = Tree.object("v1", "ServiceAccount", "ztunnel", ns, labels(values));
    Charts.pullSecrets(sa, values.path("imagePullSecrets"));
    ((ObjectNode) sa.get("metadata")).set("annotations", Tree.map(values, "annotations"));
    out.add(sa);
    if (Tree.text(values, "platform", "").equals("openshift")) {
      ObjectNode rbacLabels = obj("app", "ztunnel", "release", Charts.RELEASE,
          "istio.io/rev", Charts.revisionLabel(values),
          "install.operator.istio.io/owning-resource", Tree.text(values, "ownerName", "unknown"));
      ObjectNode role = Tree.object("rbac.authorization.k8s.io/v1", "ClusterRole", "ztunnel", null, rbacLabels.deepCopy());
      role.set("rules", arr(obj("apiGroups", arr("security.openshift.io"),
          "resources", arr("securitycontextconstraints"), "resourceNames", arr("privileged"), "verbs", arr("use"))));
      out.add(role);
      out.add(PilotRbac.binding("ClusterRoleBinding", "ztunnel", null, rbacLabels, "ClusterRole", "ztunnel", ns));
    }
    out.add(daemonSet(values, ns));
    return out;
  }

  /** The chart's {@code istio-labels} (rendered without a release context) and the user's {@code labels}. */
  private static ObjectNode labels(JsonNode values) {
    ObjectNode l = obj("app.kubernetes.io/name", "ztunnel", "app.kubernetes.io/part-of", "istio");
    return Tree.with(l, Tree.map(values, "labels"));
  }

  private static ObjectNode daemonSet(JsonNode values, String ns) {
    ObjectNode ds = Tree.object("apps/v1", "DaemonSet", "ztunnel", ns, labels(values));
    ((ObjectNode) ds.get("metadata")).set("annotations", Tree.map(values, "annotations"));
    String istiod = Charts.revisioned("istiod", values) + "." + Tree.text(values, "istioNamespace", "istio-system")
        + ".svc:15012";
    ArrayNode env = arr(Charts.env("CA_ADDRESS", Tree.text(values, "caAddress", istiod)),
        Charts.env("XDS_ADDRESS", istiod),
        Charts.env("RUST_LOG", Tree.text(values, "logLevel", "")),
        Charts.env("ISTIO_META_CLUSTER_ID", Tree.text(values, "multiCluster.clusterName", "Kubernetes")),
        Charts.env("INPOD_ENABLED", "true"),
        Charts.env("ISTIO_META_DNS_PROXY_ADDR", "127.0.0.1:15053"),
        Charts.fieldEnv("POD_NAME", "metadata.name", false),
        Charts.fieldEnv("POD_NAMESPACE", "metadata.namespace", false),
        Charts.fieldEnv("NODE_NAME", "spec.nodeName", false),
        Charts.fieldEnv("INSTANCE_IP", "status.podIP", false),
        Charts.fieldEnv("SERVICE_ACCOUNT", "spec.serviceAccountName", false));
    for (Map.Entry<String, JsonNode> e : PilotWorkload.sorted(values.path("meshConfig").path("defaultConfig")
        .path("proxyMetadata"))) {
      env.add(Charts.env(e.getKey(), Tree.scalar(e.getValue())));
    }
    for (Map.Entry<String, JsonNode> e : PilotWorkload.sorted(values.path("env"))) {
      env.add(Charts.env(e.getKey(), Tree.scalar(e.getValue())));
    }
    ObjectNode security = obj("allowPrivilegeEscalation", false, "privileged", false,
        "capabilities", obj("drop", arr("ALL"), "add", arr("NET_ADMIN", "SYS_ADMIN", "NET_RAW")),
        "readOnlyRootFilesystem", true, "runAsGroup", 1337, "runAsNonRoot", false, "runAsUser", 0);
    if (Tree.truthy(values, "seLinuxOptions")) {
      security.set("seLinuxOptions", Tree.map(values, "seLinuxOptions"));
    }
    ObjectNode container = obj("name", "istio-proxy", "image", image(values),
        "ports", arr(obj("containerPort", 15020, "name", "ztunnel-stats", "protocol", "TCP")),
        "resources", Tree.truthy(values, "resources") ? Tree.map(values, "resources") : null);
    String pull = Tree.text(values, "imagePullPolicy", "");
    if (!pull.isEmpty()) {
      container.put("imagePullPolicy", pull);
    }
    container.set("securityContext", security);
    container.set("readinessProbe", obj("httpGet", obj("port", 15021, "path", "/healthz/ready")));
    container.set("args", arr("proxy", "ztunnel"));
    container.set("env", env);
    ArrayNode mounts = arr(obj("mountPath", "/var/run/secrets/istio", "name", "istiod-ca-cert"),
        obj("mountPath", "/var/run/secrets/tokens", "name", "istio-token"),
        obj("mountPath", "/var/run/ztunnel", "name", "cni-ztunnel-sock-dir"),
        obj("mountPath", "/tmp", "name", "tmp"));
    values.path("volumeMounts").forEach(m -> mounts.add(m.deepCopy()));
    container.set("volumeMounts", mounts);
    ArrayNode volumes = arr(Charts.tokenVolume(),
        obj("name", "istiod-ca-cert", "configMap", obj("name", "istio-ca-root-cert")),
        obj("name", "cni-ztunnel-sock-dir", "hostPath", obj("path", "/var/run/ztunnel", "type", "DirectoryOrCreate")),
        obj("name", "tmp", "emptyDir", obj()));
    values.path("volumes").forEach(v -> volumes.add(v.deepCopy()));
    ObjectNode pod = obj("nodeSelector", obj("kubernetes.io/os", "linux"), "serviceAccountName", "ztunnel",
        "tolerations", arr(obj("effect", "NoSchedule", "operator", "Exists"),
            obj("key", "CriticalAddonsOnly", "operator", "Exists"), obj("effect", "NoExecute", "operator", "Exists")),
        "containers", arr(container), "priorityClassName", "system-node-critical",
        "terminationGracePeriodSeconds", values.path("terminationGracePeriodSeconds").deepCopy(),
        "volumes", volumes);
    ObjectNode podLabels = obj("sidecar.istio.io/inject", "false", "istio.io/dataplane-mode", "none", "app", "ztunnel");
    Tree.with(podLabels, Tree.map(values, "podLabels"));
    ObjectNode annotations = obj("sidecar.istio.io/inject", "false");
    Tree.with(annotations, Tree.map(values, "podAnnotations"));
    ds.set("spec", obj("updateStrategy", obj("rollingUpdate", obj("maxSurge", 1, "maxUnavailable", 0)),
        "selector", obj("matchLabels", obj("app", "ztunnel")),
        "template", obj("metadata", obj("labels", podLabels, "annotations", annotations), "spec", pod)));
    return ds;
  }

  /** {@code image} as is when it holds a {@code /}, else {@code hub/image:tag[-variant]} from the flat values. */
  private static String image(JsonNode values) {
    String image = Tree.text(values, "image", "ztunnel");
    if (image.contains("/")) {
      return image;
    }
    String variant = Tree.text(values, "variant", "");
    return Tree.text(values, "hub", "") + "/" + image + ":" + Tree.text(values, "tag", "")
        + (variant.isEmpty() ? "" : "-" + variant);
  }
}
