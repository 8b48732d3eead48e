package dev.meshwright.install.render;

import static dev.meshwright.install.render.Charts.rule;
import static dev.meshwright.install.render.Tree.arr;
import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Set;

/**
 * The rules of istiod's cluster roles as the 1.22.8 chart writes them: the reader's, istiod's own (analysis,
 * node tainting and certificate signing add rules when enabled), and the gateway deployment controller's.
 * {@code mcs} is the multi-cluster services API group ({@code pilot.env.MCS_API_GROUP}). Stateless.
 */
final class PilotRbacRules {
  private static final ArrayNode READ = arr("get", "list", "watch");
  private static final ArrayNode GET_WATCH_LIST = arr("get", "watch", "list");
  private static final ArrayNode ALL_WRITE = arr("get", "watch", "list", "update", "patch", "create", "delete");
  private static final Set<String> NO_CSR_PROVIDERS = Set.of("istiod", "custom", "none");

  private PilotRbacRules() {}

  private static ArrayNode istioGroups() {
    return arr("config.istio.io", "security.istio.io", "networking.istio.io", "authentication.istio.io",
        "rbac.istio.io", "telemetry.istio.io", "extensions.istio.io");
  }

  static ArrayNode reader(JsonNode values, String mcs) {
    ArrayNode rules = arr(
        rule(istioGroups(), arr("*"), READ.deepCopy()),
        rule(arr(""), arr("endpoints", "pods", "services", "nodes", "replicationcontrollers", "namespaces",
            "secrets"), READ.deepCopy()),
        rule(arr("networking.istio.io"), arr("workloadentries"), GET_WATCH_LIST.deepCopy()),
        rule(arr("networking.x-k8s.io", "gateway.networking.k8s.io"), arr("gateways"), GET_WATCH_LIST.deepCopy()),
        rule(arr("apiextensions.k8s.io"), arr("customresourcedefinitions"), READ.deepCopy()),
        rule(arr("discovery.k8s.io"), arr("endpointslices"), READ.deepCopy()),
        rule(arr(mcs), arr("serviceexports"), arr("get", "list", "watch", "create", "delete")),
        rule(arr(mcs), arr("serviceimports"), READ.deepCopy()),
        rule(arr("apps"), arr("replicasets"), READ.deepCopy()),
        rule(arr("authentication.k8s.io"), arr("tokenreviews"), arr("create")),
        rule(arr("authorization.k8s.io"), arr("subjectaccessreviews"), arr("create")));
    if (Tree.truthy(values, "global.externalIstiod")) {
      rules.add(rule(arr(""), arr("configmaps"), arr("create", "get", "list", "watch", "update")));
      rules.add(rule(arr("admissionregistration.k8s.io"), arr("mutatingwebhookconfigurations"),
          arr("get", "list", "watch", "update", "patch")));
      rules.add(rule(arr("admissionregistration.k8s.io"), arr("validatingwebhookconfigurations"),
          arr("get", "list", "watch", "update")));
    }
    return rules;
  }

  static ArrayNode istiod(JsonNode values, String mcs) {
    boolean analysis = Tree.truthy(values, "global.istiod.enableAnalysis");
    ArrayNode rules = arr(
        rule(arr("admissionregistration.k8s.io"), arr("mutatingwebhookconfigurations"),
            arr("get", "list", "watch", "update", "patch")),
        rule(arr("admissionregistration.k8s.io"), arr("validatingwebhookconfigurations"),
            arr("get", "list", "watch", "update")),
        rule(istioGroups(), arr("*"), GET_WATCH_LIST.deepCopy()));
    if (analysis) {
      rules.add(rule(istioGroups(), arr("*"), arr("update")));
      rules.add(rule(arr(""), arr("pods/finalizers"), arr("update")));
    }
    rules.add(rule(arr("networking.istio.io"), arr("workloadentries"), ALL_WRITE.deepCopy()));
    rules.add(rule(arr("networking.istio.io"), arr("workloadentries/status"), ALL_WRITE.deepCopy()));
    rules.add(rule(arr("apiextensions.k8s.io"), arr("customresourcedefinitions"), READ.deepCopy()));
    rules.add(rule(arr(""), arr("pods", "nodes", "services", "namespaces", "endpoints"), READ.deepCopy()));
    rules.add(rule(arr("discovery.k8s.io"), arr("endpointslices"), READ.deepCopy()));
    if (Tree.truthy(values, "pilot.taint.enabled")) {
      rules.add(rule(arr(""), arr("nodes"), arr("patch")));
    }
    if (analysis) {
      rules.add(rule(arr("extensions", "networking.k8s.io"), arr("ingresses"), READ.deepCopy()));
      rules.add(rule(arr("extensions", "networking.k8s.io"), arr("ingresses/status"), arr("*")));
    }
    rules.add(rule(arr("networking.k8s.io"), arr("ingresses", "ingressclasses"), READ.deepCopy()));
    rules.add(rule(arr("networking.k8s.io"), arr("ingresses/status"), arr("*")));
    rules.add(rule(arr(""), arr("configmaps"), arr("create", "get", "list", "watch", "update")));
    if (Tree.truthy(values, "pilot.env.EXTERNAL_CA")
        || !NO_CSR_PROVIDERS.contains(Tree.text(values, "global.pilotCertProvider", ""))) {
      rules.add(rule(arr("certificates.k8s.io"), arr("certificatesigningrequests",
          "certificatesigningrequests/approval", "certificatesigningrequests/status"),
          arr("update", "create", "get", "delete", "watch")));
      ArrayNode signers = arr();
      values.path("global").path("certSigners").forEach(s -> signers.add(s.asText()));
      rules.add(obj("apiGroups", arr("certificates.k8s.io"), "resources", arr("signers"),
          "resourceNames", signers.isEmpty() ? null : signers, "verbs", arr("approve")));
    }
    rules.add(rule(arr("authentication.k8s.io"), arr("tokenreviews"), arr("create")));
    rules.add(rule(arr("authorization.k8s.io"), arr("subjectaccessreviews"), arr("create")));
    rules.add(rule(arr("networking.x-k8s.io", "gateway.networking.k8s.io"), arr("*"), GET_WATCH_LIST.deepCopy()));
    rules.add(rule(arr("networking.x-k8s.io", "gateway.networking.k8s.io"), arr("*"), arr("update", "patch")));
    rules.add(rule(arr("gateway.networking.k8s.io"), arr("gatewayclasses"), arr("create", "update", "patch", "delete")));
    rules.add(rule(arr(""), arr("secrets"), GET_WATCH_LIST.deepCopy()));
    rules.add(rule(arr(mcs), arr("serviceexports"), arr("get", "watch", "list", "create", "delete")));
    rules.add(rule(arr(mcs), arr("serviceimports"), GET_WATCH_LIST.deepCopy()));
    return rules;
  }

  static ArrayNode gatewayController() {
    return arr(
        rule(arr("apps"), arr("deployments"), ALL_WRITE.deepCopy()),
        rule(arr(""), arr("services"), ALL_WRITE.deepCopy()),
        rule(arr(""), arr("serviceaccounts"), ALL_WRITE.deepCopy()));
  }
}
