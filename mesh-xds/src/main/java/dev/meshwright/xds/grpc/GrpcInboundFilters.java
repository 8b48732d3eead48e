package dev.meshwright.xds.grpc;

import dev.meshwright.xds.ProxyContext;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;

/**
 * The seam authorization plugs into for proxyless gRPC servers: the RBAC filters of an inbound listener's chains,
 * placed before the router (istiod: {@code envoy.filters.http.rbac.DENY}, then {@code envoy.filters.http.rbac}).
 * Defaults to none ({@link #NONE}). Implementations are pure and thread-safe and never throw.
 */
public interface GrpcInboundFilters {
  /** No authorization filters. */
  GrpcInboundFilters NONE = new GrpcInboundFilters() {};

  /** The filters of the inbound chains of {@code ctx}'s proxy, in order. */
  default List<HttpFilter> http(ProxyContext ctx) {
    return List.of();
  }
}
