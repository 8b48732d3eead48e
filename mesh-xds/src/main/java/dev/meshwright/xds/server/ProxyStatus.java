package dev.meshwright.xds.server;

import java.util.Map;
import java.util.Objects;

/**
 * One connected stream as {@code /debug/syncz} and {@code meshctl proxy-status} report it. Immutable.
 *
 * @param connectionId the server's ID of the stream ({@code <node id>-<n>})
 * @param nodeId the node ID the proxy sent
 * @param name the proxy name Istio shows: the node ID's ID field, {@code <pod>.<namespace>}
 * @param clusterId the proxy's {@code CLUSTER_ID}
 * @param istioVersion the proxy's {@code ISTIO_VERSION}, empty when unset
 * @param protocol {@code SotW} or {@code Delta}
 * @param serverId the ID of the server holding the stream (the ISTIOD column)
 * @param types status per type URL, for every type the proxy asked for
 */
public record ProxyStatus(String connectionId, String nodeId, String name, String clusterId, String istioVersion,
    String protocol, String serverId, Map<String, TypeStatus> types) {
  public ProxyStatus {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(name, "name");
    types = Map.copyOf(types);
  }

  /** The status of one type ({@link TypeStatus#notSent()} when the proxy never asked for it). */
  public TypeStatus type(String typeUrl) {
    return types.getOrDefault(typeUrl, TypeStatus.notSent());
  }
}
