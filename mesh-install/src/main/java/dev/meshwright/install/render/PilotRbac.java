package dev.meshwright.install.render;

import static dev.meshwright.install.render.Charts.rule;
import static dev.meshwright.install.render.Tree.arr;
import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** istiod's service account and RBAC: cluster roles for istiod, its gateway controller and readers, and its own Role. Stateless. */
final class PilotRbac {
  private static final String RBAC = "rbac.authorization.k8s.io/v1";
  private static final ArrayNode READ = arr("get", "list", "watch");
  private static final ArrayNode GET_WATCH_LIST = arr("get", "watch", "list");
  private static final ArrayNode ALL_WRITE = arr("get", "watch", "list", "update", "patch", "create", "delete");

  private PilotRbac() {}

  static List<ObjectNode> render(JsonNode values, String ns) {
    String istiod = Charts.revisioned("istiod", values);
    String suffix = Charts.revision(values).isEmpty() ? "" : "-" + Charts.revision(values);
    ObjectNode istiodLabels = obj("app", "istiod", "release", Charts.RELEASE);
    ObjectNode readerLabels = obj("app", "istio-reader", "release", Charts.RELEASE);
    String clusterRole = "istiod-clusterrole" + suffix + "-" + ns;
    String gatewayController = "istiod-gateway-controller" + suffix + "-" + ns;
    String reader = "istio-reader-clusterrole" + suffix + "-" + ns;
    ObjectNode sa = Tree.object("v1", "ServiceAccount", istiod, ns, istiodLabels.deepCopy());
    return List.of(sa,
        clusterRole(reader, readerLabels, readerRules()),
        clusterRole(clusterRole, istiodLabels, istiodRules()),
        clusterRole(gatewayController, istiodLabels, gatewayControllerRules()),
        binding("ClusterRoleBinding", reader, null, readerLabels, "ClusterRole", "istio-reader-service-account", ns),
        binding("ClusterRoleBinding", clusterRole, null, istiodLabels, "ClusterRole", istiod, ns),
        binding("ClusterRoleBinding", gatewayController, null, istiodLabels, "ClusterRole", istiod, ns),
        role(istiod, ns, istiodLabels),
        binding("RoleBinding", istiod, ns, istiodLabels, "Role", istiod, ns));
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

  private static ArrayNode readerRules() {
    return arr(
        rule(arr("config.istio.io", "security.istio.io", "networking.istio.io", "authentication.istio.io",
            "rbac.istio.io"), arr("*"), READ.deepCopy()),
        rule(arr(""), arr("endpoints", "pods", "services", "nodes", "replicationcontrollers", "namespaces",
            "secrets"), READ.deepCopy()),
        rule(arr("networking.istio.io"), arr("workloadentries"), GET_WATCH_LIST.deepCopy()),
        rule(arr("networking.x-k8s.io", "gateway.networking.k8s.io"), arr("gateways"), GET_WATCH_LIST.deepCopy()),
        rule(arr("apiextensions.k8s.io"), arr("customresourcedefinitions"), READ.deepCopy()),
        rule(arr("discovery.k8s.io"), arr("endpointslices"), READ.deepCopy()),
        rule(arr("multicluster.x-k8s.io"), arr("serviceexports"), arr("get", "list", "watch", "create", "delete")),
        rule(arr("multicluster.x-k8s.io"), arr("serviceimports"), READ.deepCopy()),
        rule(arr("apps"), arr("replicasets"), READ.deepCopy()),
        rule(arr("authentication.k8s.io"), arr("tokenreviews"), arr("create")),
        rule(arr("authorization.k8s.io"), arr("subjectaccessreviews"), arr("create")));
  }

  private static ArrayNode istiodRules() {
    return arr(
        rule(arr("admissionregistration.k8s.io"), arr("mutatingwebhookconfigurations"),
            arr("get", "list", "watch", "update", "patch")),
        rule(arr("admissionregistration.k8s.io"), arr("validatingwebhookconfigurations"),
            arr("get", "list", "watch", "update")),
        rule(arr("config.istio.io", "security.istio.io", "networking.istio.io", "authentication.istio.io",
            "rbac.istio.io", "telemetry.istio.io", "extensions.istio.io"), arr("*"), GET_WATCH_LIST.deepCopy()),
        rule(arr("networking.istio.io"), arr("workloadentries"), ALL_WRITE.deepCopy()),
        rule(arr("networking.istio.io"), arr("workloadentries/status"), ALL_WRITE.deepCopy()),
        rule(arr("apiextensions.k8s.io"), arr("customresourcedefinitions"), READ.deepCopy()),
        rule(arr(""), arr("pods", "nodes", "services", "namespaces", "endpoints"), READ.deepCopy()),
        rule(arr("discovery.k8s.io"), arr("endpointslices"), READ.deepCopy()),
        rule(arr("networking.k8s.io"), arr("ingresses", "ingressclasses"), READ.deepCopy()),
        rule(arr("networking.k8s.io"), arr("ingresses/status"), arr("*")),
        rule(arr(""), arr("configmaps"), arr("create", "get", "list", "watch", "update")),
        rule(arr("authentication.k8s.io"), arr("tokenreviews"), arr("create")),
        rule(arr("authorization.k8s.io"), arr("subjectaccessreviews"), arr("create")),
        rule(arr("networking.x-k8s.io", "gateway.networking.k8s.io"), arr("*"), GET_WATCH_LIST.deepCopy()),
        rule(arr("networking.x-k8s.io", "gateway.networking.k8s.io"), arr("*"), arr("update", "patch")),
        rule(arr("gateway.networking.k8s.io"), arr("gatewayclasses"), arr("create", "update", "patch", "delete")),
        rule(arr(""), arr("secrets"), GET_WATCH_LIST.deepCopy()),
        rule(arr("multicluster.x-k8s.io"), arr("serviceexports"), arr("get", "watch", "list", "create", "delete")),
        rule(arr("multicluster.x-k8s.io"), arr("serviceimports"), GET_WATCH_LIST.deepCopy()));
  }

  private static ArrayNode gatewayControllerRules() {
    return arr(
        rule(arr("apps"), arr("deployments"), ALL_WRITE.deepCopy()),
        rule(arr(""), arr("services"), ALL_WRITE.deepCopy()),
        rule(arr(""), arr("serviceaccounts"), ALL_WRITE.deepCopy()));
  }
}
