package dev.meshwright.install.render;

import static dev.meshwright.install.render.Tree.arr;
import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code istio-cni-node} DaemonSet of the istio-cni chart: the privileged {@code install-cni} agent
 * (with {@code NET_ADMIN}, {@code NET_RAW}, {@code SYS_ADMIN}), its repair settings as env, and, in ambient
 * mode, host networking, the host's {@code /proc}, netns and the {@code /var/run/ztunnel} socket directory
 * it shares with ztunnel for in-pod redirection. Stateless.
 */
final class CniDaemonSet {
  private CniDaemonSet() {}

  /** The host directory the CNI binaries go to ({@code cni.cniBinDir}, else {@code /opt/cni/bin}). */
  static String binDir(JsonNode cni) {
    return Tree.text(cni, "cniBinDir", "/opt/cni/bin");
  }

  static ObjectNode render(JsonNode values, String ns) {
    JsonNode cni = values.path("cni");
    boolean ambient = Tree.truthy(cni, "ambient.enabled");
    boolean procfs = ambient || Tree.truthy(cni, "repair.repairPods");
    ObjectNode ds = Tree.object("apps/v1", "DaemonSet", "istio-cni-node", ns, obj("k8s-app", "istio-cni-node",
        "release", Charts.RELEASE, "istio.io/rev", Charts.revisionLabel(values),
        "install.operator.istio.io/owning-resource", Tree.text(values, "ownerName", "unknown"),
        "operator.istio.io/component", "Cni"));
    ObjectNode annotations = obj("sidecar.istio.io/inject", "false", "prometheus.io/scrape", "true",
        "prometheus.io/port", "15014", "prometheus.io/path", "/metrics");
    Tree.with(annotations, Tree.map(cni, "podAnnotations"));
    ObjectNode pod = obj();
    if (ambient) {
      pod.put("hostNetwork", true);
    }
    pod.set("nodeSelector", obj("kubernetes.io/os", "linux"));
    if (Tree.truthy(cni, "affinity")) {
      pod.set("affinity", Tree.map(cni, "affinity"));
    }
    pod.set("tolerations", arr(obj("effect", "NoSchedule", "operator", "Exists"),
        obj("key", "CriticalAddonsOnly", "operator", "Exists"), obj("effect", "NoExecute", "operator", "Exists")));
    pod.put("priorityClassName", "system-node-critical");
    pod.put("serviceAccountName", "istio-cni");
    pod.put("terminationGracePeriodSeconds", 5);
    pod.set("containers", arr(container(values, ambient, procfs)));
    ArrayNode volumes = arr(obj("name", "cni-bin-dir", "hostPath", obj("path", binDir(cni))));
    if (procfs) {
      volumes.add(obj("name", "cni-host-procfs", "hostPath", obj("path", "/proc", "type", "Directory")));
    }
    if (ambient) {
      volumes.add(obj("name", "cni-ztunnel-sock-dir", "hostPath",
          obj("path", "/var/run/ztunnel", "type", "DirectoryOrCreate")));
    }
    volumes.add(obj("name", "cni-net-dir", "hostPath", obj("path", Tree.text(cni, "cniConfDir", "/etc/cni/net.d"))));
    volumes.add(obj("name", "cni-socket-dir", "hostPath", obj("path", "/var/run/istio-cni")));
    volumes.add(obj("name", "cni-netns-dir", "hostPath",
        obj("path", Tree.text(cni, "cniNetnsDir", "/var/run/netns"), "type", "DirectoryOrCreate")));
    pod.set("volumes", volumes);
    ds.set("spec", obj("selector", obj("matchLabels", obj("k8s-app", "istio-cni-node")),
        "updateStrategy", obj("type", "RollingUpdate",
            "rollingUpdate", obj("maxUnavailable", cni.path("rollingMaxUnavailable").deepCopy())),
        "template", obj("metadata", obj("labels", obj("k8s-app", "istio-cni-node", "sidecar.istio.io/inject", "false",
            "istio.io/dataplane-mode", "none"), "annotations", annotations), "spec", pod)));
    return ds;
  }

  private static ObjectNode container(JsonNode values, boolean ambient, boolean procfs) {
    JsonNode cni = values.path("cni");
    ObjectNode c = obj("name", "install-cni", "image", Charts.image(values, "cni", "install-cni"));
    String pull = Tree.text(cni, "pullPolicy", Tree.text(values, "global.imagePullPolicy", ""));
    if (!pull.isEmpty()) {
      c.put("imagePullPolicy", pull);
    }
    c.set("readinessProbe", obj("httpGet", obj("path", "/readyz", "port", 8000)));
    ObjectNode security = obj("privileged", true, "runAsGroup", 0, "runAsUser", 0, "runAsNonRoot", false,
        "capabilities", obj("drop", arr("ALL"), "add", arr("NET_ADMIN", "NET_RAW", "SYS_ADMIN")));
    if (Tree.truthy(cni, "seccompProfile")) {
      security.set("seccompProfile", Tree.map(cni, "seccompProfile"));
    }
    c.set("securityContext", security);
    c.set("command", arr("install-cni"));
    ArrayNode args = arr();
    if (Tree.truthy(values, "global.logging.level")) {
      args.add("--log_output_level=" + Tree.text(values, "global.logging.level", ""));
    }
    if (Tree.truthy(values, "global.logAsJson")) {
      args.add("--log_as_json");
    }
    c.set("args", args);
    c.set("env", env(cni, ambient));
    ArrayNode mounts = arr(obj("mountPath", "/host/opt/cni/bin", "name", "cni-bin-dir"));
    if (procfs) {
      mounts.add(obj("mountPath", "/host/proc", "name", "cni-host-procfs", "readOnly", true));
    }
    mounts.add(obj("mountPath", "/host/etc/cni/net.d", "name", "cni-net-dir"));
    mounts.add(obj("mountPath", "/var/run/istio-cni", "name", "cni-socket-dir"));
    if (ambient) {
      mounts.add(obj("mountPath", "/host/var/run/netns", "mountPropagation", "HostToContainer", "name", "cni-netns-dir"));
      mounts.add(obj("mountPath", "/var/run/ztunnel", "name", "cni-ztunnel-sock-dir"));
    }
    c.set("volumeMounts", mounts);
    c.set("resources", Tree.truthy(cni, "resources") ? Tree.map(cni, "resources")
        : Tree.map(values, "global.defaultResources"));
    return c;
  }

  private static ArrayNode env(JsonNode cni, boolean ambient) {
    ArrayNode env = arr();
    String confName = Tree.text(cni, "cniConfFileName", "");
    if (!confName.isEmpty()) {
      env.add(Charts.env("CNI_CONF_NAME", confName));
    }
    env.add(obj("name", "CNI_NETWORK_CONFIG", "valueFrom", obj("configMapKeyRef",
        obj("name", "istio-cni-config", "key", "cni_network_config"))));
    env.add(Charts.env("CNI_NET_DIR", Tree.text(cni, "cniConfDir", "/etc/cni/net.d")));
    env.add(Charts.env("CHAINED_CNI_PLUGIN", helmString(cni.path("chained"))));
    env.add(Charts.env("REPAIR_ENABLED", helmString(cni.path("repair").path("enabled"))));
    if (ambient) {
      env.add(Charts.env("AMBIENT_DNS_CAPTURE", helmString(cni.path("ambient").path("dnsCapture"))));
    }
    env.add(Charts.fieldEnv("REPAIR_NODE_NAME", "spec.nodeName", false));
    JsonNode repair = cni.path("repair");
    env.add(Charts.env("REPAIR_LABEL_PODS", helmString(repair.path("labelPods"))));
    env.add(Charts.env("REPAIR_DELETE_PODS", helmString(repair.path("deletePods"))));
    env.add(Charts.env("REPAIR_REPAIR_PODS", helmString(repair.path("repairPods"))));
    env.add(Charts.env("REPAIR_RUN_AS_DAEMON", "true"));
    env.add(Charts.env("REPAIR_SIDECAR_ANNOTATION", "sidecar.istio.io/status"));
    env.add(Charts.env("REPAIR_INIT_CONTAINER_NAME", helmString(repair.path("initContainerName"))));
    env.add(Charts.env("REPAIR_BROKEN_POD_LABEL_KEY", helmString(repair.path("brokenPodLabelKey"))));
    env.add(Charts.env("REPAIR_BROKEN_POD_LABEL_VALUE", helmString(repair.path("brokenPodLabelValue"))));
    env.add(Charts.fieldEnv("NODE_NAME", "spec.nodeName", true));
    env.add(Charts.env("LOG_LEVEL", Tree.text(cni, "logLevel", "")));
    if (ambient) {
      env.add(Charts.env("AMBIENT_ENABLED", "true"));
    }
    env.add(Charts.resourceEnv("GOMEMLIMIT", "limits.memory"));
    env.add(Charts.resourceEnv("GOMAXPROCS", "limits.cpu"));
    return env;
  }

  /** A value as Go's template printer writes it: a missing value as {@code <no value>}, scalars as text. */
  static String helmString(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return "<no value>";
    }
    return Tree.scalar(n);
  }
}
