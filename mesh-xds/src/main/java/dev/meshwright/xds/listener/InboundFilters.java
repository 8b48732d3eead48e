package dev.meshwright.xds.listener;

import dev.meshwright.xds.ProxyContext;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;

/**
 * The seam authorization plugs into: the policy filters a sidecar's inbound chains carry. HTTP chains get
 * {@link #http} after the metadata exchange filter and before {@code grpc_stats} (Istio's order: ext_authz, then
 * jwt_authn, then RBAC); TCP chains get {@link #tcp} after metadata exchange and before {@code tcp_proxy}
 * (ext_authz, then RBAC). Both default to no filters ({@link #NONE}). Implementations must be pure and thread-safe,
 * must not throw, and return the same filters for the same context.
 */
public interface InboundFilters {
  /** No authorization filters. */
  InboundFilters NONE = new InboundFilters() {};

  /** The HTTP filters of every inbound HTTP chain of {@code ctx}'s proxy, in order. */
  default List<HttpFilter> http(ProxyContext ctx) {
    return List.of();
  }

  /** The network filters of every inbound TCP chain of {@code ctx}'s proxy, in order. */
  default List<Filter> tcp(ProxyContext ctx) {
    return List.of();
  }
}
