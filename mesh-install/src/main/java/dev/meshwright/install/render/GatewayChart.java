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
 * Istio's standalone {@code gateway} Helm chart: a Deployment whose proxy is filled in by injection
 * ({@code image: auto}, template {@code gateway}), its Service, ServiceAccount, secret-reading Role and
 * binding, HPA and optional PDB. The gateway is named after {@code name}, else the release. Stateless.
 */
final class GatewayChart {
  private static final String VERSION = dev.meshwright.install.Release.TAG;

  private GatewayChart() {}

  static List<ObjectNode> render(JsonNode values, String ns, String release) {
    String name = Tree.text(values, "name", release.isEmpty() ? "istio-ingressgateway" : release);
    JsonNode userLabels = values.path("labels");
    ObjectNode selector = obj("app", userLabels.has("app") ? userLabels.get("app").asText() : name,
        "istio", userLabels.has("istio") ? userLabels.get("istio").asText()
            : name.startsWith("istio-") ? name.substring("istio-".length()) : name);
    ObjectNode extra = obj();
    for (Map.Entry<String, JsonNode> e : PilotWorkload.sorted(userLabels)) {
      if (!e.getKey().equals("app") && !e.getKey().equals("istio")) {
        extra.put(e.getKey(), Tree.scalar(e.getValue()));
      }
    }
    ObjectNode labels = obj("app.kubernetes.io/managed-by", "Helm", "app.kubernetes.io/name", name,
        "app.kubernetes.io/version", VERSION, "helm.sh/chart", "gateway-" + VERSION);
    Tree.with(labels, selector);
    Tree.with(labels, extra);
    String sa = Tree.truthy(values, "serviceAccount.create") ? Tree.text(values, "serviceAccount.name", name)
        : Tree.text(values, "serviceAccount.name", "default");
    List<ObjectNode> out = new ArrayList<>();
    if (Tree.truthy(values, "serviceAccount.create")) {
      ObjectNode account = Tree.object("v1", "ServiceAccount", sa, ns, labels.deepCopy());
      annotate(account, values.path("serviceAccount").path("annotations"));
      out.add(account);
    }
    if (Tree.truthy(values, "rbac.enabled")) {
      ObjectNode role = Tree.object("rbac.authorization.k8s.io/v1", "Role", name, ns, labels.deepCopy());
      meta(role).set("annotations", Tree.map(values, "annotations"));
      role.set("rules", arr(Charts.rule(arr(""), arr("secrets"), arr("get", "watch", "list"))));
      out.add(role);
      ObjectNode binding = PilotRbac.binding("RoleBinding", name, ns, labels, "Role", sa, null);
      meta(binding).set("annotations", Tree.map(values, "annotations"));
      out.add(binding);
    }
    out.add(workload(values, ns, name, sa, selector, extra, labels));
    if (!Tree.text(values, "service.type", "").equals("None")) {
      out.add(service(values, ns, name, selector, labels));
    }
    if (Tree.truthy(values, "autoscaling.enabled")) {
      ObjectNode hpa = Tree.object("autoscaling/v2", "HorizontalPodAutoscaler", name, ns, labels.deepCopy());
      meta(hpa).set("annotations", Tree.map(values, "annotations"));
      ArrayNode metrics = Tree.NODES.arrayNode();
      for (String r : new String[] {"CPU", "Memory"}) {
        JsonNode target = values.path("autoscaling").path("target" + r + "UtilizationPercentage");
        if (target.isNumber()) {
          metrics.add(obj("resource", obj("name", r.toLowerCase(java.util.Locale.ROOT), "target",
              obj("averageUtilization", target.deepCopy(), "type", "Utilization")), "type", "Resource"));
        }
      }
      ObjectNode spec = obj("maxReplicas", values.at("/autoscaling/maxReplicas").deepCopy(), "metrics", metrics,
          "minReplicas", values.at("/autoscaling/minReplicas").deepCopy(),
          "scaleTargetRef", obj("apiVersion", "apps/v1", "kind", Tree.text(values, "kind", "Deployment"), "name", name));
      if (Tree.truthy(values, "autoscaling.autoscaleBehavior")) {
        spec.set("behavior", Tree.map(values, "autoscaling.autoscaleBehavior"));
      }
      hpa.set("spec", spec);
      out.add(hpa);
    }
    if (Tree.truthy(values, "podDisruptionBudget")) {
      ObjectNode pdb = Tree.object("policy/v1", "PodDisruptionBudget", name, ns, labels.deepCopy());
      ObjectNode spec = obj("selector", obj("matchLabels", selector.deepCopy()));
      Tree.with(spec, Tree.map(values, "podDisruptionBudget"));
      pdb.set("spec", spec);
      out.add(pdb);
    }
    return out;
  }

  private static ObjectNode workload(JsonNode values, String ns, String name, String sa, ObjectNode selector,
      ObjectNode extra, ObjectNode labels) {
    ObjectNode d = Tree.object("apps/v1", Tree.text(values, "kind", "Deployment"), name, ns, labels.deepCopy());
    meta(d).set("annotations", Tree.map(values, "annotations"));
    ObjectNode spec = d.putObject("spec");
    if (!Tree.truthy(values, "autoscaling.enabled") && Tree.truthy(values, "replicaCount")) {
      spec.set("replicas", values.get("replicaCount").deepCopy());
    }
    spec.set("selector", obj("matchLabels", selector.deepCopy()));
    ObjectNode podLabels = obj("sidecar.istio.io/inject", "true");
    String revision = Tree.text(values, "revision", "");
    if (!revision.isEmpty()) {
      podLabels.put("istio.io/rev", revision);
    }
    Tree.with(podLabels, selector);
    Tree.with(podLabels, extra);
    ObjectNode securityContext = Tree.truthy(values, "containerSecurityContext")
        ? Tree.map(values, "containerSecurityContext")
        : obj("allowPrivilegeEscalation", false, "capabilities", obj("drop", arr("ALL")), "privileged", false,
            "readOnlyRootFilesystem", true, "runAsNonRoot", true);
    if (!Tree.truthy(values, "containerSecurityContext") && !Tree.text(values, "platform", "").equals("openshift")) {
      securityContext.put("runAsGroup", 1337);
      securityContext.put("runAsUser", 1337);
    }
    ArrayNode env = Tree.NODES.arrayNode();
    String network = Tree.text(values, "networkGateway", "");
    if (!network.isEmpty()) {
      env.add(Charts.env("ISTIO_META_REQUESTED_NETWORK_VIEW", network));
    }
    for (Map.Entry<String, JsonNode> e : PilotWorkload.sorted(values.path("env"))) {
      env.add(Charts.env(e.getKey(), Tree.scalar(e.getValue())));
    }
    ObjectNode container = obj("env", env.isEmpty() ? null : env, "image", "auto", "name", "istio-proxy",
        "ports", arr(obj("containerPort", 15090, "name", "http-envoy-prom", "protocol", "TCP")),
        "resources", Tree.map(values, "resources"), "securityContext", securityContext);
    String pull = Tree.text(values, "imagePullPolicy", "");
    if (!pull.isEmpty()) {
      container.put("imagePullPolicy", pull);
    }
    if (Tree.truthy(values, "volumeMounts")) {
      container.set("volumeMounts", values.get("volumeMounts").deepCopy());
    }
    ObjectNode pod = obj("containers", arr(container), "securityContext", Tree.truthy(values, "securityContext")
        ? Tree.map(values, "securityContext")
        : obj("sysctls", arr(obj("name", "net.ipv4.ip_unprivileged_port_start", "value", "0"))),
        "serviceAccountName", sa, "terminationGracePeriodSeconds", values.path("terminationGracePeriodSeconds").asInt(30));
    for (String field : new String[] {"imagePullSecrets", "volumes", "nodeSelector", "affinity", "tolerations",
        "topologySpreadConstraints", "priorityClassName"}) {
      if (Tree.truthy(values.path(field))) {
        pod.set(field, values.get(field).deepCopy());
      }
    }
    ObjectNode template = obj();
    if (Tree.truthy(values, "podAnnotations")) {
      template.set("annotations", Tree.map(values, "podAnnotations"));
    }
    template.set("labels", podLabels);
    spec.set("template", obj("metadata", template, "spec", pod));
    return d;
  }

  private static ObjectNode service(JsonNode values, String ns, String name, ObjectNode selector, ObjectNode labels) {
    ObjectNode s = Tree.object("v1", "Service", name, ns, labels.deepCopy());
    String network = Tree.text(values, "networkGateway", "");
    if (!network.isEmpty()) {
      ((ObjectNode) meta(s).get("labels")).put("topology.istio.io/network", network);
    }
    ObjectNode annotations = Tree.map(values, "annotations");
    Tree.with(annotations, Tree.map(values, "service.annotations"));
    meta(s).set("annotations", annotations);
    JsonNode svc = values.path("service");
    ObjectNode spec = obj();
    for (String field : new String[] {"loadBalancerIP", "loadBalancerSourceRanges", "externalTrafficPolicy",
        "externalIPs", "ipFamilyPolicy", "ipFamilies"}) {
      if (Tree.truthy(svc.path(field))) {
        spec.set(field, svc.get(field).deepCopy());
      }
    }
    spec.set("ports", svc.path("ports").deepCopy());
    spec.set("selector", selector.deepCopy());
    spec.put("type", Tree.text(svc, "type", "LoadBalancer"));
    s.set("spec", spec);
    return s;
  }

  private static ObjectNode meta(ObjectNode object) {
    return (ObjectNode) object.get("metadata");
  }

  private static void annotate(ObjectNode object, JsonNode annotations) {
    if (Tree.truthy(annotations)) {
      ((ObjectNode) object.get("metadata")).set("annotations", annotations.deepCopy());
    }
  }
}
