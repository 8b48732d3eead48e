package io.grpc.xds;

import io.grpc.LoadBalancerRegistry;
import io.grpc.xds.client.Bootstrapper;
import io.grpc.xds.client.XdsResourceType;
import java.util.Map;
import java.util.Set;

/**
 * Test-only access to grpc-java's own xDS resource parsers (package-private in grpc-xds), so tests can check that
 * a proxyless client accepts what Meshwright generates. Takes serialized Envoy protos, since grpc-xds reads its
 * shaded copies of them.
 */
public final class GrpcXdsParsing {
  private GrpcXdsParsing() {}

  /** What grpc-java made of a cluster. */
  public record ParsedCluster(String name, String type, String edsServiceName, Map<String, ?> lbPolicy,
      boolean hasTls) {}

  /**
   * Parses a serialized {@code envoy.config.cluster.v3.Cluster} as grpc-java's CDS client does, with certificate
   * provider instance {@code default} known; throws {@link IllegalArgumentException} with grpc-java's message
   * when it would NACK.
   */
  public static ParsedCluster cluster(byte[] serialized) {
    try {
      io.grpc.xds.shaded.io.envoyproxy.envoy.config.cluster.v3.Cluster c =
          io.grpc.xds.shaded.io.envoyproxy.envoy.config.cluster.v3.Cluster.parseFrom(serialized);
      XdsClusterResource.CdsUpdate u = XdsClusterResource.processCluster(c, Set.of("default"),
          Bootstrapper.ServerInfo.create("istiod.istio-system.svc:15012", new Object()),
          LoadBalancerRegistry.getDefaultRegistry());
      return new ParsedCluster(u.clusterName(), u.clusterType().name(), u.edsServiceName(),
          u.lbPolicyConfig() == null ? Map.of() : u.internalLbPolicyConfigJson(), u.upstreamTlsContext() != null);
    } catch (XdsResourceType.ResourceInvalidException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Parses a serialized ClusterLoadAssignment as grpc-java's EDS client does; returns its string form. */
  public static String endpoints(byte[] serialized) {
    try {
      io.grpc.xds.shaded.io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment c =
          io.grpc.xds.shaded.io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment.parseFrom(serialized);
      XdsResourceType.Args args = new XdsResourceType.Args(
          Bootstrapper.ServerInfo.create("istiod.istio-system.svc:15012", new Object()), "1", "n", null, null,
          Set.of(c.getClusterName()));
      return String.valueOf(XdsEndpointResource.getInstance().doParse(args, c));
    } catch (XdsResourceType.ResourceInvalidException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
