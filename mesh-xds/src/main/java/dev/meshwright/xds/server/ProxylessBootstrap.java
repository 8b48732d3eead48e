package dev.meshwright.xds.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The xDS bootstrap of a proxyless gRPC client of an {@link AdsServer}: one insecure xDS server and an Istio node
 * identity (node ID {@code sidecar~<ip>~<pod>.<namespace>~<namespace>.svc.cluster.local}, metadata
 * {@code GENERATOR=grpc}, {@code NAMESPACE}, {@code LABELS}, {@code ISTIO_VERSION}, {@code CLUSTER_ID}), as Istio's
 * agent writes it for a pod with the {@code grpc-agent} template. The server reads that identity back with
 * {@link dev.meshwright.xds.NodeIds#parse}.
 *
 * <p>In the client's JVM, give {@link #toMap()} to grpc-xds's {@code XdsNameResolverProvider.createForTest(scheme,
 * bootstrap)} for a per-channel bootstrap (no global system property); for a client in another process write
 * {@link #toJson()} to the file {@code GRPC_XDS_BOOTSTRAP} names. Immutable.
 *
 * @param serverUri the control plane's address, {@code host:port}
 * @param ip the workload's IP, the node ID's second field
 * @param pod the pod (or workload instance) name
 * @param namespace the workload's namespace
 * @param labels the workload's labels (what DestinationRule subsets and policies select)
 * @param domainSuffix the cluster's DNS suffix, the node ID's last field ({@code cluster.local})
 */
public record ProxylessBootstrap(String serverUri, String ip, String pod, String namespace,
    Map<String, String> labels, String domainSuffix) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public ProxylessBootstrap {
    Objects.requireNonNull(serverUri, "serverUri");
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(namespace, "namespace");
    labels = Map.copyOf(new TreeMap<>(labels));
    Objects.requireNonNull(domainSuffix, "domainSuffix");
  }

  /** A client {@code pod} in {@code namespace} on 127.0.0.1, without labels, of the server at {@code serverUri}. */
  public static ProxylessBootstrap of(String serverUri, String pod, String namespace) {
    return new ProxylessBootstrap(serverUri, "127.0.0.1", pod, namespace, Map.of(), "cluster.local");
  }

  /** This bootstrap with the workload's labels. */
  public ProxylessBootstrap withLabels(Map<String, String> value) {
    return new ProxylessBootstrap(serverUri, ip, pod, namespace, value, domainSuffix);
  }

  /** This bootstrap with another workload IP. */
  public ProxylessBootstrap withIp(String value) {
    return new ProxylessBootstrap(serverUri, value, pod, namespace, labels, domainSuffix);
  }

  /** This bootstrap for a cluster with another DNS suffix. */
  public ProxylessBootstrap withDomainSuffix(String value) {
    return new ProxylessBootstrap(serverUri, ip, pod, namespace, labels, value);
  }

  /** The Istio node ID the client connects with. */
  public String nodeId() {
    return "sidecar~" + ip + "~" + pod + "." + namespace + "~" + namespace + ".svc." + domainSuffix;
  }

  /** The bootstrap as JSON-like values ({@code xds_servers}, {@code node}), keys in a stable order. */
  public Map<String, Object> toMap() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("GENERATOR", "grpc");
    metadata.put("NAMESPACE", namespace);
    metadata.put("LABELS", new TreeMap<>(labels));
    metadata.put("ISTIO_VERSION", "1.22.8");
    metadata.put("CLUSTER_ID", "Kubernetes");
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("id", nodeId());
    node.put("metadata", metadata);
    Map<String, Object> server = new LinkedHashMap<>();
    server.put("server_uri", serverUri);
    server.put("channel_creds", List.of(Map.of("type", "insecure")));
    server.put("server_features", List.of("xds_v3"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("xds_servers", List.of(server));
    out.put("node", node);
    return out;
  }

  /** The bootstrap file's content. */
  public String toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toMap());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);    // plain maps, lists and strings always serialize
    }
  }
}
