package dev.meshwright.xds.cluster;

import com.google.protobuf.Any;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;

/**
 * A cluster under construction with its HTTP protocol options kept apart until {@link #build()} packs them into
 * {@code typedExtensionProtocolOptions} (Istio's {@code clusterWrapper}). Mutable; confined to one build.
 */
final class ClusterDraft {
  final Cluster.Builder cluster;
  private HttpProtocolOptions.Builder http;
  /** The endpoints of a STATIC or DNS cluster, set into {@code loadAssignment} by {@link #build()}; else null. */
  java.util.List<LocalityGroup> assignment;
  /** Problems found while building, reported as diagnostics by the generator. */
  final java.util.List<String> problems = new java.util.ArrayList<>();
  /** Fields for the cluster's {@code istio} filter metadata, added once by {@link #build()}. */
  private final java.util.Map<String, com.google.protobuf.Value> istioFields = new java.util.LinkedHashMap<>();

  ClusterDraft(Cluster.Builder cluster) {
    this.cluster = cluster;
  }

  /** The HTTP protocol options, created on first use. */
  HttpProtocolOptions.Builder http() {
    if (http == null) {
      http = HttpProtocolOptions.newBuilder();
    }
    return http;
  }

  /** Sets {@code key} in the cluster's {@code istio} filter metadata (creating it). */
  void istioField(String key, com.google.protobuf.Value value) {
    istioFields.put(key, value);
  }

  /** Whether the cluster will carry {@code istio} filter metadata. */
  boolean hasIstioMetadata() {
    return !istioFields.isEmpty() || cluster.getMetadata().containsFilterMetadata(Clusters.ISTIO_METADATA);
  }

  boolean hasHttp() {
    return http != null;
  }

  /** Speak HTTP/2 upstream. */
  void useHttp2() {
    http().setExplicitHttpConfig(HttpProtocolOptions.ExplicitHttpConfig.newBuilder()
        .setHttp2ProtocolOptions(Http2ProtocolOptions.getDefaultInstance()));
  }

  /** Speak whatever the downstream spoke. */
  void useDownstreamProtocol() {
    http().setUseDownstreamProtocolConfig(Clusters.useDownstreamHttpConfig());
  }

  boolean isHttp2() {
    return http != null && http.hasExplicitHttpConfig() && http.getExplicitHttpConfig().hasHttp2ProtocolOptions();
  }

  Cluster.DiscoveryType type() {
    return cluster.getType();
  }

  /** The cluster, HTTP options packed (HTTP/1.1 when no protocol was chosen). */
  Cluster build() {
    if (assignment != null) {
      io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment.Builder la =
          io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment.newBuilder().setClusterName(cluster.getName());
      assignment.forEach(g -> la.addEndpoints(g.build()));
      cluster.setLoadAssignment(la);
    }
    if (http != null) {
      if (http.getUpstreamProtocolOptionsCase()
          == HttpProtocolOptions.UpstreamProtocolOptionsCase.UPSTREAMPROTOCOLOPTIONS_NOT_SET) {
        http.setExplicitHttpConfig(HttpProtocolOptions.ExplicitHttpConfig.newBuilder()
            .setHttpProtocolOptions(io.envoyproxy.envoy.config.core.v3.Http1ProtocolOptions.getDefaultInstance()));
      }
      cluster.putTypedExtensionProtocolOptions(Clusters.HTTP_PROTOCOL_OPTIONS, Any.pack(http.build()));
    }
    if (!istioFields.isEmpty()) {
      cluster.setMetadata(Clusters.withIstioFields(cluster.getMetadata(), istioFields));
    }
    return cluster.build();
  }
}
