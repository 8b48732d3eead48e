package dev.meshwright.xds.server;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.meshwright.xds.TypeUrls;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.Resource;
import java.util.List;

/** The names of the resources in a response, in the order sent. */
final class Names {
  private Names() {}

  static List<String> of(DiscoveryResponse r) {
    return r.getResourcesList().stream().map(Names::name).toList();
  }

  static List<String> of(DeltaDiscoveryResponse r) {
    return r.getResourcesList().stream().map(Resource::getName).toList();
  }

  static String name(Any any) {
    try {
      return switch (any.getTypeUrl()) {
        case TypeUrls.CLUSTER -> any.unpack(Cluster.class).getName();
        case TypeUrls.ENDPOINT -> any.unpack(ClusterLoadAssignment.class).getClusterName();
        case TypeUrls.LISTENER -> any.unpack(Listener.class).getName();
        case TypeUrls.ROUTE -> any.unpack(RouteConfiguration.class).getName();
        case TypeUrls.SECRET -> any.unpack(Secret.class).getName();
        default -> throw new AssertionError("unexpected type " + any.getTypeUrl());
      };
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
