package dev.meshwright.bench.ads;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.Durations;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import java.util.ArrayList;
import java.util.List;

/**
 * The config both servers serve, built once: {@code clusters} EDS clusters fed over ADS, each with a
 * ClusterLoadAssignment of two endpoints, and the same endpoints with one changed ({@link #changed}).
 * Immutable.
 */
final class BenchConfig {
  private final List<Cluster> clusters;
  private final List<ClusterLoadAssignment> endpoints;

  private BenchConfig(List<Cluster> clusters, List<ClusterLoadAssignment> endpoints) {
    this.clusters = clusters;
    this.endpoints = endpoints;
  }

  /** {@code n} clusters of two endpoints each. */
  static BenchConfig of(int n) {
    List<Cluster> cs = new ArrayList<>(n);
    List<ClusterLoadAssignment> es = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = clusterName(i);
      cs.add(Cluster.newBuilder().setName(name).setType(Cluster.DiscoveryType.EDS)
          .setConnectTimeout(Durations.fromSeconds(10))
          .setEdsClusterConfig(Cluster.EdsClusterConfig.newBuilder().setEdsConfig(ConfigSource.newBuilder()
              .setAds(AggregatedConfigSource.getDefaultInstance()).setResourceApiVersion(
                  io.envoyproxy.envoy.config.core.v3.ApiVersion.V3)))
          .build());
      es.add(assignment(name, i, 2));
    }
    return new BenchConfig(List.copyOf(cs), List.copyOf(es));
  }

  /** The Kubernetes Service of cluster {@code i} (namespace {@code bench}), all names of the same length. */
  static String serviceName(int i) {
    return String.format("svc-%05d", i);
  }

  /** The cluster name of index {@code i}: Istio's name for port 8080 of {@link #serviceName}. */
  static String clusterName(int i) {
    return "outbound|8080||" + serviceName(i) + ".bench.svc.cluster.local";
  }

  /** Two endpoints on port 8080: {@code 10.<i>.1} and {@code 10.<i>.<second>}. */
  private static ClusterLoadAssignment assignment(String cluster, int i, int second) {
    String base = "10." + (i >> 8 & 0xff) + "." + (i & 0xff) + ".";
    return ClusterLoadAssignment.newBuilder().setClusterName(cluster)
        .addEndpoints(LocalityLbEndpoints.newBuilder()
            .addLbEndpoints(lbEndpoint(base + "1", 8080))
            .addLbEndpoints(lbEndpoint(base + second, 8080)))
        .build();
  }

  private static LbEndpoint lbEndpoint(String ip, int port) {
    return LbEndpoint.newBuilder().setEndpoint(Endpoint.newBuilder().setAddress(Address.newBuilder()
        .setSocketAddress(SocketAddress.newBuilder().setAddress(ip).setPortValue(port)))).build();
  }

  int size() {
    return clusters.size();
  }

  List<Cluster> clusters() {
    return clusters;
  }

  List<ClusterLoadAssignment> endpoints() {
    return endpoints;
  }

  List<String> clusterNames() {
    return clusters.stream().map(Cluster::getName).toList();
  }

  /**
   * The same config with the second endpoint of cluster {@code index} moved to {@code 10.<index>.<3 + round>}
   * (each round's change is distinct for up to 250 rounds).
   */
  BenchConfig changed(int index, int round) {
    List<ClusterLoadAssignment> es = new ArrayList<>(endpoints);
    es.set(index, assignment(clusterName(index), index, 3 + round % 250));
    return new BenchConfig(clusters, List.copyOf(es));
  }

  /** The serialized ClusterLoadAssignment of cluster {@code index}, as both servers put it on the wire. */
  ByteString endpointBytes(int index) {
    return endpoints.get(index).toByteString();
  }

  /** The same resources for Meshwright, each with its content hash as version. */
  XdsResources xdsResources() {
    XdsResources.Builder b = XdsResources.builder();
    clusters.forEach(c -> b.add(XdsResource.of(c.getName(), c)));
    endpoints.forEach(e -> b.add(XdsResource.of(e.getClusterName(), e)));
    return b.build();
  }

  /** {@link #xdsResources()}, reusing the resources of {@code previous} whose message is unchanged. */
  XdsResources xdsResources(XdsResources previous) {
    XdsResources.Builder b = previous.toBuilder();
    for (ClusterLoadAssignment e : endpoints) {
      XdsResource old = previous.get(TypeUrls.ENDPOINT, e.getClusterName()).orElse(null);
      if (old == null || !old.message().equals(e)) {
        b.add(XdsResource.of(e.getClusterName(), e));
      }
    }
    return b.build();
  }
}
