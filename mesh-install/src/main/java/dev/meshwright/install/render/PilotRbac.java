package dev.meshwright.install.render;

import static dev.meshwright.install.render.Charts.rule;
import static dev.meshwright.install.render.Tree.arr;
import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** istiod's service account and RBAC: cluster roles for istiod, its gateway controller and readers, and its own Role. Stateless. */
final class PilotRbac {
  private static final String RBAC = "rbac.authorization.k8s.io/v1";

  private PilotRbac() {}

  static List<ObjectNode> render(JsonNode values, String ns) {
    String istiod = Charts.revisioned("istiod", values);
    String istioNs = Tree.text(values, "global.istioNamespace", ns);
    String suffix = Charts.revision(values).isEmpty() ? "" : "-" + Charts.revision(values);
    ObjectNode istiodLabels = obj("app", "istiod", "release", Charts.RELEASE);
    ObjectNode readerLabels = obj("app", "istio-reader", "release", Charts.RELEASE);
    String clusterRole = "istiod-clusterrole" + suffix + "-" + ns;
    String gatewayController = "istiod-gateway-controller" + suffix + "-" + ns;
    String reader = "istio-reader-clusterrole" + suffix + "-" + ns;
    String mcs = Tree.text(values, "pilot.env.MCS_API_GROUP", "multicluster.x-k8s.io");
    ObjectNode sa = Tree.object("v1", "ServiceAccount", istiod, istioNs, istiodLabels.deepCopy());
    Charts.pullSecrets(sa, values.path("global").path("imagePullSecrets"));
    if (Tree.truthy(values, "pilot.serviceAccountAnnotations")) {
      ((ObjectNode) sa.get("metadata")).set("annotations", Tree.map(values, "pilot.serviceAccountAnnotations"));
    }
    List<ObjectNode> out = new ArrayList<>(List.of(sa,
        clusterRole(reader, readerLabels, PilotRbacRules.reader(values, mcs)),
        clusterRole(clusterRole, istiodLabels, PilotRbacRules.istiod(values, mcs))));
    boolean deploymentController = !Tree.text(values, "pilot.env.PILOT_ENABLE_GATEWAY_API_DEPLOYMENT_CONTROLLER", "")
        .equals("false");
    if (deploymentController) {
      out.add(clusterRole(gatewayController, istiodLabels, PilotRbacRules.gatewayController()));
    }
    out.add(binding("ClusterRoleBinding", reader, null, readerLabels, "ClusterRole", "istio-reader-service-account",
        istioNs));
    out.add(binding("ClusterRoleBinding", clusterRole, null, istiodLabels, "ClusterRole", istiod, istioNs));
    if (deploymentController) {
      out.add(binding("ClusterRoleBinding", gatewayController, null, istiodLabels, "ClusterRole", istiod, istioNs));
    }
    out.add(role(istiod, istioNs, istiodLabels));
    out.add(binding("RoleBinding", istiod, istioNs, istiodLabels, "Role", istiod, istioNs));
    return out;
  }

  private static ObjectNode clusterRole(String name, ObjectNode labels, ArrayNode rules) {
    ObjectNode r = Tree.object(RBAC, "ClusterRole", name, null, labels.deepCopy());
    r.set("rules", rules);
    return r;
  }

  /** A (Cluster)RoleBinding of {@code role} to the service account {@code sa} in {@code saNamespace}. */
  static ObjectNode binding(String kind, String name, String ns, ObjectNode labels, String roleKind, String sa,
      String saNamespace) {
    ObjectNode b = Tree.object(RBAC, kind, name, ns, labels.deepCopy());
    b.set("roleRef", obj("apiGroup", "rbac.authorization.k8s.io", "kind", roleKind, "name", name));
    ObjectNode subject = obj("kind", "ServiceAccount", "name", sa);
    if (saNamespace != null) {
      subject.put("namespace", saNamespace);
    }
    b.set("subjects", arr(subject));
    return b;
  }

  private static ObjectNode role(String name, String ns, ObjectNode labels) {
    ObjectNode r = Tree.object(RBAC, "Role", name, ns, labels.deepCopy());
    r.set("rules", arr(
        rule(arr("networking.istio.io"), arr("gateways"), arr("create")),
        rule(arr(""), arr("secrets"), arr("create", "get", "watch", "list", "update", "delete")),
        rule(arr(""), arr("configmaps"), arr("delete")),
        rule(arr("coordination.k8s.io"), arr("leases"), arr("get", "update", "patch", "create"))));
    return r;
  }
}
