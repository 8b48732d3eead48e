package dev.meshwright.install.render;

import static dev.meshwright.install.render.Tree.arr;
import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The istio-cni node agent: ServiceAccount, ClusterRoles and bindings ({@code istio-cni}, the repair
 * controller's, and {@code istio-cni-ambient} in ambient mode), the {@code istio-cni-config} ConfigMap, the
 * {@code istio-cni-node} DaemonSet and, with the multus provider, a NetworkAttachmentDefinition. Stateless.
 */
final class CniComponent {
  private static final String RBAC = "rbac.authorization.k8s.io/v1";

  private CniComponent() {}

  static List<ObjectNode> render(JsonNode values, String ns) {
    JsonNode cni = values.path("cni");
    ObjectNode labels = obj("app", "istio-cni", "install.operator.istio.io/owning-resource",
        Tree.text(values, "ownerName", "unknown"), "istio.io/rev", Charts.revisionLabel(values),
        "operator.istio.io/component", "Cni", "release", Charts.RELEASE);
    List<ObjectNode> out = new ArrayList<>();
    out.add(Tree.object("v1", "ServiceAccount", "istio-cni", ns, labels.deepCopy()));
    out.add(clusterRole("istio-cni", labels, arr(
        Charts.rule(arr(""), arr("pods", "nodes", "namespaces"), arr("get", "list", "watch")))));
    out.add(PilotRbac.binding("ClusterRoleBinding", "istio-cni", null, labels, "ClusterRole", "istio-cni", ns));
    boolean repair = !cni.path("repair").path("enabled").isBoolean() || cni.path("repair").path("enabled").asBoolean();
    if (repair) {
      out.add(clusterRole("istio-cni-repair-role", labels, arr(
          Charts.rule(arr(""), arr("pods"), arr("watch", "get", "list", "delete")))));
      ObjectNode b = PilotRbac.binding("ClusterRoleBinding", "istio-cni-repair-rolebinding", null, labels,
          "ClusterRole", "istio-cni", ns);
      ((ObjectNode) b.get("roleRef")).put("name", "istio-cni-repair-role");
      out.add(b);
    }
    if (Tree.truthy(cni, "ambient.enabled")) {
      out.add(clusterRole("istio-cni-ambient", labels, arr(
          Charts.rule(arr(""), arr("pods/status"), arr("patch", "update")))));
      out.add(PilotRbac.binding("ClusterRoleBinding", "istio-cni-ambient", null, labels, "ClusterRole", "istio-cni", ns));
      ((ObjectNode) out.get(out.size() - 1).get("roleRef")).put("name", "istio-cni-ambient");
    }
    ObjectNode cm = Tree.object("v1", "ConfigMap", "istio-cni-config", ns, labels.deepCopy());
    cm.set("data", obj("AMBIENT_ENABLED", Boolean.toString(Tree.truthy(cni, "ambient.enabled")),
        "CHAINED_CNI_PLUGIN", Boolean.toString(Tree.truthy(cni, "chained")),
        "CURRENT_AGENT_VERSION", Tree.text(values, "global.tag", "latest"),
        "LOG_LEVEL", Tree.text(cni, "logLevel", "info"),
        "REPAIR_ENABLED", Boolean.toString(repair)));
    out.add(cm);
    out.add(daemonSet(values, ns, labels));
    if (Tree.text(cni, "provider", "default").equals("multus")) {
      ObjectNode nad = Tree.object("k8s.cni.cncf.io/v1", "NetworkAttachmentDefinition", "istio-cni", "default", null);
      out.add(nad);
    }
    return out;
  }

  private static ObjectNode clusterRole(String name, ObjectNode labels, ArrayNode rules) {
    ObjectNode r = Tree.object(RBAC, "ClusterRole", name, null, labels.deepCopy());
    r.set("rules", rules);
    return r;
  }

  private static ObjectNode daemonSet(JsonNode values, String ns, ObjectNode labels) {
    JsonNode cni = values.path("cni");
    ObjectNode ds = Tree.object("apps/v1", "DaemonSet", "istio-cni-node", ns, labels.deepCopy());
    ObjectNode podLabels = obj("k8s-app", "istio-cni-node", "sidecar.istio.io/inject", "false",
        "istio.io/dataplane-mode", "none");
    ObjectNode container = obj("args", arr("--log_output_level=" + Tree.text(cni, "logLevel", "info")),
        "command", arr("install-cni"), "env", arr(),
        "envFrom", arr(obj("configMapRef", obj("name", "istio-cni-config"))),
        "image", Charts.image(values, "cni", "install-cni"), "name", "install-cni",
        "resources", Tree.map(values, "cni.resources"),
        "securityContext", obj("privileged", true, "runAsGroup", 0, "runAsNonRoot", false, "runAsUser", 0),
        "volumeMounts", arr(obj("mountPath", "/host/opt/cni/bin", "name", "cni-bin-dir"),
            obj("mountPath", "/host/etc/cni/net.d", "name", "cni-net-dir")));
    container.set("env", arr(Charts.fieldEnv("REPAIR_NODE_NAME", "spec.nodeName", true),
        Charts.fieldEnv("NODE_NAME", "spec.nodeName", true),
        Charts.fieldEnv("POD_NAMESPACE", "metadata.namespace", true)));
    ObjectNode pod = obj("containers", arr(container), "nodeSelector", obj("kubernetes.io/os", "linux"),
        "priorityClassName", "system-node-critical", "serviceAccountName", "istio-cni",
        "terminationGracePeriodSeconds", 5,
        "tolerations", arr(obj("effect", "NoSchedule", "operator", "Exists"),
            obj("key", "CriticalAddonsOnly", "operator", "Exists"), obj("effect", "NoExecute", "operator", "Exists")),
        "volumes", arr(obj("hostPath", obj("path", Tree.text(cni, "cniBinDir", "/opt/cni/bin")), "name", "cni-bin-dir"),
            obj("hostPath", obj("path", Tree.text(cni, "cniConfDir", "/etc/cni/net.d")), "name", "cni-net-dir")));
    ds.set("spec", obj("selector", obj("matchLabels", obj("k8s-app", "istio-cni-node")),
        "template", obj("metadata", obj("annotations", obj("sidecar.istio.io/inject", "false"),
            "labels", podLabels), "spec", pod),
        "updateStrategy", obj("rollingUpdate", obj("maxUnavailable", 1), "type", "RollingUpdate")));
    return ds;
  }
}
