package dev.meshwright.xds;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A connected (or imagined) proxy as the generators see it: Istio's {@code model.Proxy}, parsed from the node ID
 * {@code <type>~<ip>~<id>~<dnsDomain>} and the node metadata by {@link NodeIds#parse}. Immutable.
 *
 * @param type sidecar, router, waypoint or ztunnel
 * @param ipAddresses the proxy's IPs: {@code INSTANCE_IPS} when set, else the node ID's IP; never empty
 * @param id the node ID's third field, {@code <pod>.<namespace>} for Kubernetes pods
 * @param dnsDomain the node ID's fourth field, {@code <namespace>.svc.<domainSuffix>}
 * @param namespace the config namespace: {@code NAMESPACE} metadata, else the part of {@code id} after the first dot
 * @param labels workload labels ({@code LABELS} metadata)
 * @param metadata every node metadata field, as JSON-like values (String, Boolean, Double, List, Map)
 * @param nodeId the node ID as sent
 * @param serviceCluster the Envoy node's {@code cluster} (pilot-agent's service cluster, {@code app.namespace}),
 *     empty when unknown
 */
public record Proxy(ProxyType type, List<String> ipAddresses, String id, String dnsDomain, String namespace,
    Map<String, String> labels, Map<String, Object> metadata, String nodeId, String serviceCluster) {

  /** The {@code GENERATOR} value that selects the proxyless gRPC generator. */
  public static final String GRPC_GENERATOR = "grpc";

  public Proxy {
    Objects.requireNonNull(type, "type");
    ipAddresses = List.copyOf(ipAddresses);
    if (ipAddresses.isEmpty()) {
      throw new IllegalArgumentException("a proxy has at least one IP address");
    }
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dnsDomain, "dnsDomain");
    Objects.requireNonNull(namespace, "namespace");
    labels = Map.copyOf(labels);
    metadata = Map.copyOf(metadata);
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(serviceCluster, "serviceCluster");
  }

  /** A proxy whose Envoy node named no service cluster. */
  public Proxy(ProxyType type, List<String> ipAddresses, String id, String dnsDomain, String namespace,
      Map<String, String> labels, Map<String, Object> metadata, String nodeId) {
    this(type, ipAddresses, id, dnsDomain, namespace, labels, metadata, nodeId, "");
  }

  /** This proxy with the Envoy node's {@code cluster}. */
  public Proxy withServiceCluster(String cluster) {
    return new Proxy(type, ipAddresses, id, dnsDomain, namespace, labels, metadata, nodeId, cluster);
  }

  /** A string metadata field ({@code ISTIO_META_<KEY>} arrives as {@code <KEY>}); empty when unset or empty. */
  public Optional<String> meta(String key) {
    Object v = metadata.get(key);
    return v == null ? Optional.empty() : Optional.of(String.valueOf(v)).filter(s -> !s.isEmpty());
  }

  /** The first IP address. */
  public String ip() {
    return ipAddresses.get(0);
  }

  /** Whether this is a proxyless gRPC client ({@code GENERATOR=grpc}). */
  public boolean isProxylessGrpc() {
    return meta("GENERATOR").map(GRPC_GENERATOR::equals).orElse(false);
  }

  /** The workload name ({@code WORKLOAD_NAME}), else the pod name (the ID before the first dot). */
  public String workloadName() {
    return meta("WORKLOAD_NAME").orElseGet(() -> {
      int dot = id.indexOf('.');
      return dot < 0 ? id : id.substring(0, dot);
    });
  }

  /** The pod name: the ID before the first dot. */
  public String podName() {
    int dot = id.indexOf('.');
    return dot < 0 ? id : id.substring(0, dot);
  }

  /** {@code ISTIO_VERSION}; empty means "newest", as Istio reads it. */
  public Optional<String> istioVersion() {
    return meta("ISTIO_VERSION");
  }

  /** {@code CLUSTER_ID}, else {@code Kubernetes} (Istio's default cluster name). */
  public String clusterId() {
    return meta("CLUSTER_ID").orElse("Kubernetes");
  }

  /** {@code INTERCEPTION_MODE}: REDIRECT (default), TPROXY or NONE. */
  public String interceptionMode() {
    return meta("INTERCEPTION_MODE").orElse("REDIRECT");
  }

  /** {@code SERVICE_ACCOUNT}, empty when unknown. */
  public String serviceAccount() {
    return meta("SERVICE_ACCOUNT").orElse("");
  }

  /** The domain suffix: the DNS domain after {@code <namespace>.svc.}, else the DNS domain itself. */
  public String domainSuffix() {
    String prefix = namespace + ".svc.";
    return dnsDomain.startsWith(prefix) ? dnsDomain.substring(prefix.length()) : dnsDomain;
  }
}
