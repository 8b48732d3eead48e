package dev.meshwright.install.render;

import static dev.meshwright.install.render.Tree.arr;
import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The istio-cni chart: ServiceAccount, ClusterRoles and bindings ({@code istio-cni}, the repair controller's
 * with the rights its repair mode needs, and {@code istio-cni-ambient} in ambient mode), the
 * {@code istio-cni-config} ConfigMap holding the plugin's network config, the {@code istio-cni-node}
 * DaemonSet ({@link CniDaemonSet}), an optional ResourceQuota and, with the multus provider, a
 * NetworkAttachmentDefinition. Stateless.
 */
final class CniComponent {
  private static final String RBAC = "rbac.authorization.k8s.io/v1";

  private CniComponent() {}

  static List<ObjectNode> render(JsonNode values, String ns) {
    JsonNode cni = values.path("cni");
    ObjectNode labels = labels(values, "app", "istio-cni");
    ObjectNode repairLabels = labels(values, "k8s-app", "istio-cni-repair");
    repairLabels.remove("release");
    List<ObjectNode> out = new ArrayList<>();
    ObjectNode sa = Tree.object("v1", "ServiceAccount", "istio-cni", ns, labels.deepCopy());
    Charts.pullSecrets(sa, values.path("global").path("imagePullSecrets"));
    out.add(sa);
    ArrayNode rules = arr(Charts.rule(arr(""), arr("pods", "nodes", "namespaces"), arr("get", "list", "watch")));
    if (Tree.text(values, "platform", "").equals("openshift")) {
      rules.add(obj("apiGroups", arr("security.openshift.io"), "resources", arr("securitycontextconstraints"),
          "resourceNames", arr("privileged"), "verbs", arr("use")));
    }
    out.add(clusterRole("istio-cni", labels, rules));
    out.add(PilotRbac.binding("ClusterRoleBinding", "istio-cni", null, labels, "ClusterRole", "istio-cni", ns));
    if (Tree.truthy(cni, "repair.enabled")) {
      out.add(clusterRole("istio-cni-repair-role", labels, repairRules(cni)));
      out.add(binding("istio-cni-repair-rolebinding", "istio-cni-repair-role", repairLabels, ns));
    }
    if (Tree.truthy(cni, "ambient.enabled")) {
      out.add(clusterRole("istio-cni-ambient", labels, arr(
          Charts.rule(arr(""), arr("pods/status"), arr("patch", "update")))));
      out.add(binding("istio-cni-ambient", "istio-cni-ambient", repairLabels, ns));
    }
    ObjectNode cm = Tree.object("v1", "ConfigMap", "istio-cni-config", ns, labels.deepCopy());
    cm.set("data", obj("cni_network_config", networkConfig(cni)));
    out.add(cm);
    out.add(CniDaemonSet.render(values, ns));
    if (Tree.truthy(cni, "resourceQuotas.enabled")) {
      ObjectNode quota = Tree.object("v1", "ResourceQuota", "istio-cni-resource-quota", ns, null);
      quota.set("spec", obj("hard", obj("pods", Tree.text(cni, "resourceQuotas.pods", "")),
          "scopeSelector", obj("matchExpressions", arr(obj("operator", "In", "scopeName", "PriorityClass",
              "values", arr("system-node-critical"))))));
      out.add(quota);
    }
    if (Tree.text(cni, "provider", "").equals("multus")) {
      out.add(Tree.object("k8s.cni.cncf.io/v1", "NetworkAttachmentDefinition", "istio-cni", "default",
          obj("operator.istio.io/component", "Cni")));
    }
    return out;
  }

  /** The chart's labels, led by {@code key: value} ({@code app: istio-cni} or the repair binding's). */
  private static ObjectNode labels(JsonNode values, String key, String value) {
    return obj(key, value, "release", Charts.RELEASE, "istio.io/rev", Charts.revisionLabel(values),
        "install.operator.istio.io/owning-resource", Tree.text(values, "ownerName", "unknown"),
        "operator.istio.io/component", "Cni");
  }

  /** Events and pod reads always; pod deletion or status patches when repair deletes or labels pods instead. */
  private static ArrayNode repairRules(JsonNode cni) {
    ArrayNode rules = arr(Charts.rule(arr(""), arr("events"), arr("create", "patch")),
        Charts.rule(arr(""), arr("pods"), arr("watch", "get", "list")));
    if (!Tree.truthy(cni, "repair.repairPods")) {
      if (Tree.truthy(cni, "repair.deletePods")) {
        rules.add(Charts.rule(arr(""), arr("pods"), arr("delete")));
      } else if (Tree.truthy(cni, "repair.labelPods")) {
        rules.add(Charts.rule(arr(""), arr("pods/status"), arr("patch", "update")));
      }
    }
    return rules;
  }

  private static ObjectNode clusterRole(String name, ObjectNode labels, ArrayNode rules) {
    ObjectNode r = Tree.object(RBAC, "ClusterRole", name, null, labels.deepCopy());
    r.set("rules", rules);
    return r;
  }

  private static ObjectNode binding(String name, String role, ObjectNode labels, String ns) {
    ObjectNode b = PilotRbac.binding("ClusterRoleBinding", name, null, labels, "ClusterRole", "istio-cni", ns);
    ((ObjectNode) b.get("roleRef")).put("name", role);
    return b;
  }

  /** The CNI plugin's network config; the {@code __...__} placeholders are filled in by the node agent. */
  private static String networkConfig(JsonNode cni) {
    ObjectNode config = obj("cniVersion", "0.3.1", "name", "istio-cni", "type", "istio-cni",
        "log_level", Tree.text(cni, "logLevel", ""), "log_uds_address", "__LOG_UDS_ADDRESS__");
    if (Tree.truthy(cni, "ambient.enabled")) {
      config.put("ambient_enabled", true);
    }
    config.put("cni_event_address", "__CNI_EVENT_ADDRESS__");
    ArrayNode excluded = arr();
    cni.path("excludeNamespaces").forEach(n -> excluded.add(n.asText()));
    config.set("kubernetes", obj("kubeconfig", "__KUBECONFIG_FILEPATH__",
        "cni_bin_dir", CniDaemonSet.binDir(cni), "exclude_namespaces", excluded));
    return config.toPrettyString();
  }
}
