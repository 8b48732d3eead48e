package dev.meshwright.xds.istiod;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.authz.AuthzFilters;
import dev.meshwright.xds.authz.AuthzInput;
import dev.meshwright.xds.grpc.GrpcInboundFilters;
import io.envoyproxy.envoy.config.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Authorization for proxyless gRPC servers, as istiod's gRPC generator builds it: only the DENY and ALLOW RBAC
 * filters (gRPC has no AUDIT or CUSTOM), the DENY one named {@code envoy.filters.http.rbac.DENY} so both can sit
 * in one chain. Stateless and thread-safe.
 */
final class GrpcAuthzFilters implements GrpcInboundFilters {
  static final String DENY_NAME = AuthzFilters.RBAC_HTTP + ".DENY";

  @Override
  public List<HttpFilter> http(ProxyContext ctx) {
    List<HttpFilter> out = new ArrayList<>();
    for (HttpFilter f : AuthzFilters.http(AuthzInput.of(ctx)).local()) {
      RBAC.Action action = action(f);
      if (action == RBAC.Action.DENY) {
        out.add(f.toBuilder().setName(DENY_NAME).build());
      } else if (action == RBAC.Action.ALLOW) {
        out.add(f);
      }
    }
    return out;
  }

  private static RBAC.Action action(HttpFilter f) {
    try {
      return f.getTypedConfig().unpack(io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC.class).getRules()
          .getAction();
    } catch (InvalidProtocolBufferException e) {
      return RBAC.Action.LOG;
    }
  }
}
