package dev.meshwright.install.render;

import static dev.meshwright.install.render.Tree.arr;
import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The ambient node proxy: ServiceAccount and DaemonSet {@code ztunnel}, plus a ClusterRole and binding on
 * OpenShift. Reads the flattened ztunnel values (the {@code ztunnel} map merged over the root). Stateless.
 */
final class ZtunnelComponent {
  private ZtunnelComponent() {}

  static List<ObjectNode> render(JsonNode values, String ns) {
    List<ObjectNode> out = new ArrayList<>();
    out.add(Tree.object("v1", "ServiceAccount", "ztunnel", ns,
        obj("app", "ztunnel", "istio.io/rev", Charts.revisionLabel(values), "release", Charts.RELEASE)));
    if (Tree.text(values, "global.platform", Tree.text(values, "platform", "")).equals("openshift")) {
      ObjectNode labels = obj("app", "ztunnel", "release", Charts.RELEASE);
      ObjectNode role = Tree.object("rbac.authorization.k8s.io/v1", "ClusterRole", "ztunnel", null, labels.deepCopy());
      role.set("rules", arr(Charts.rule(arr("security.openshift.io"), arr("securitycontextconstraints"), arr("use"))));
      out.add(role);
      out.add(PilotRbac.binding("ClusterRoleBinding", "ztunnel", null, labels, "ClusterRole", "ztunnel", ns));
    }
    out.add(daemonSet(values, ns));
    return out;
  }

  private static ObjectNode daemonSet(JsonNode values, String ns) {
    ObjectNode ds = Tree.object("apps/v1", "DaemonSet", "ztunnel", ns, obj());
    ((ObjectNode) ds.get("metadata")).set("annotations", obj());
    String istiod = Charts.revisioned("istiod", values) + "." + Tree.text(values, "global.istioNamespace", ns)
        + ".svc:15012";
    String caAddress = Tree.text(values, "caAddress", istiod);
    ArrayNode env = arr(Charts.env("CA_ADDRESS", caAddress), Charts.env("XDS_ADDRESS", istiod),
        Charts.env("ISTIO_META_CLUSTER_ID", Tree.text(values, "multiCluster.clusterName", "Kubernetes")),
        Charts.fieldEnv("POD_NAME", "metadata.name", false),
        Charts.fieldEnv("POD_NAMESPACE", "metadata.namespace", false),
        Charts.fieldEnv("NODE_NAME", "spec.nodeName", false),
        Charts.fieldEnv("INSTANCE_IP", "status.podIP", false),
        Charts.fieldEnv("SERVICE_ACCOUNT", "spec.serviceAccountName", false));
    for (var e : PilotWorkload.sorted(values.path("meshConfig").path("defaultConfig").path("proxyMetadata"))) {
      env.add(Charts.env(e.getKey(), Tree.scalar(e.getValue())));
    }
    ObjectNode container = obj("args", arr("proxy", "ztunnel"), "env", env,
        "image", Charts.image(values, "ztunnel", "ztunnel"), "name", "istio-proxy",
        "ports", arr(obj("containerPort", 15020, "name", "ztunnel-stats", "protocol", "TCP")),
        "readinessProbe", obj("httpGet", obj("path", "/healthz/ready", "port", 15021)),
        "resources", Tree.map(values, "resources"),
        "securityContext", obj("allowPrivilegeEscalation", false, "capabilities",
            obj("add", arr("NET_ADMIN"), "drop", arr("ALL")), "privileged", false,
            "readOnlyRootFilesystem", true, "runAsGroup", 1337, "runAsNonRoot", false, "runAsUser", 0),
        "volumeMounts", arr(obj("mountPath", "/var/run/secrets/istio", "name", "istiod-ca-cert"),
            obj("mountPath", "/var/run/secrets/tokens", "name", "istio-token")));
    ObjectNode pod = obj("containers", arr(container), "nodeSelector", obj("kubernetes.io/os", "linux"),
        "priorityClassName", "system-node-critical", "serviceAccountName", "ztunnel",
        "terminationGracePeriodSeconds", 30,
        "tolerations", arr(obj("effect", "NoSchedule", "operator", "Exists"),
            obj("key", "CriticalAddonsOnly", "operator", "Exists"), obj("effect", "NoExecute", "operator", "Exists")),
        "volumes", arr(Charts.tokenVolume(), obj("configMap", obj("name", "istio-ca-root-cert"), "name", "istiod-ca-cert")));
    ObjectNode annotations = obj("ambient.istio.io/redirection", "disabled",
        "cni.projectcalico.org/allowedSourcePrefixes", "[\"0.0.0.0/0\"]", "prometheus.io/port", "15020",
        "prometheus.io/scrape", "true", "sidecar.istio.io/inject", "false");
    ds.set("spec", obj("selector", obj("matchLabels", obj("app", "ztunnel")),
        "template", obj("metadata", obj("annotations", annotations,
            "labels", obj("app", "ztunnel", "sidecar.istio.io/inject", "false")), "spec", pod),
        "updateStrategy", obj("rollingUpdate", obj("maxSurge", 1, "maxUnavailable", 0))));
    return ds;
  }
}
