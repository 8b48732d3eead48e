package dev.meshwright.model.analysis;

import java.util.Set;

/**
 * Keys naming the kinds analyzers read: {@code group/Kind}, or just {@code Kind} for the core group (so the
 * Istio {@code Gateway} and the Gateway API {@code Gateway} stay apart). Constants only.
 */
public final class Kinds {
  public static final String SERVICE = "Service";
  public static final String POD = "Pod";
  public static final String NAMESPACE = "Namespace";
  public static final String NODE = "Node";
  public static final String SECRET = "Secret";
  public static final String CONFIG_MAP = "ConfigMap";
  public static final String ENDPOINTS = "Endpoints";
  public static final String DEPLOYMENT = "apps/Deployment";
  public static final String MUTATING_WEBHOOK = "admissionregistration.k8s.io/MutatingWebhookConfiguration";
  public static final String VALIDATING_WEBHOOK = "admissionregistration.k8s.io/ValidatingWebhookConfiguration";
  public static final String CRD = "apiextensions.k8s.io/CustomResourceDefinition";
  public static final String GATEWAY = "networking.istio.io/Gateway";
  public static final String VIRTUAL_SERVICE = "networking.istio.io/VirtualService";
  public static final String DESTINATION_RULE = "networking.istio.io/DestinationRule";
  public static final String SERVICE_ENTRY = "networking.istio.io/ServiceEntry";
  public static final String SIDECAR = "networking.istio.io/Sidecar";
  public static final String ENVOY_FILTER = "networking.istio.io/EnvoyFilter";
  public static final String WORKLOAD_ENTRY = "networking.istio.io/WorkloadEntry";
  public static final String WORKLOAD_GROUP = "networking.istio.io/WorkloadGroup";
  public static final String PROXY_CONFIG = "networking.istio.io/ProxyConfig";
  public static final String AUTHORIZATION_POLICY = "security.istio.io/AuthorizationPolicy";
  public static final String PEER_AUTHENTICATION = "security.istio.io/PeerAuthentication";
  public static final String REQUEST_AUTHENTICATION = "security.istio.io/RequestAuthentication";
  public static final String TELEMETRY = "telemetry.istio.io/Telemetry";
  public static final String WASM_PLUGIN = "extensions.istio.io/WasmPlugin";
  public static final String K8S_GATEWAY = "gateway.networking.k8s.io/Gateway";
  public static final String K8S_GATEWAY_CLASS = "gateway.networking.k8s.io/GatewayClass";
  public static final String K8S_HTTP_ROUTE = "gateway.networking.k8s.io/HTTPRoute";
  /** The synthetic mesh config resource ({@code istio-system/meshconfig}). */
  public static final String MESH_CONFIG = "MeshConfig";
  /** The synthetic mesh networks resource ({@code istio-system/meshnetworks}). */
  public static final String MESH_NETWORKS = "MeshNetworks";

  /** Kinds that the file reader always keeps from files (Istio's runtime kinds). */
  public static final Set<String> RUNTIME = Set.of(SERVICE, NAMESPACE, NODE, POD, SECRET);

  /** Cluster-scoped kinds: their namespace is cleared on load. */
  public static final Set<String> CLUSTER_SCOPED = Set.of(
      NAMESPACE, NODE, MUTATING_WEBHOOK, VALIDATING_WEBHOOK, CRD, K8S_GATEWAY_CLASS,
      "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
      "PersistentVolume", "storage.k8s.io/StorageClass");

  private Kinds() {}

  /** The key of {@code kind} in API group {@code group} (empty for the core group). */
  public static String key(String group, String kind) {
    return group.isEmpty() ? kind : group + "/" + kind;
  }
}
