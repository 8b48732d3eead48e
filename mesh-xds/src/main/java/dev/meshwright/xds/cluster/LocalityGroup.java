package dev.meshwright.xds.cluster;

import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.core.v3.Locality;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The endpoints of one locality while a load assignment is built: the Envoy endpoints with the labels of the
 * workload behind each (failover priorities read them), the locality's weight and priority. Mutable; confined to
 * one build.
 */
final class LocalityGroup {
  /** The locality; null for the bare endpoint list of an inbound cluster. */
  final Locality locality;
  final List<LbEndpoint> endpoints = new ArrayList<>();
  final List<Map<String, String>> labels = new ArrayList<>();
  Integer weight;
  int priority;

  LocalityGroup(Locality locality) {
    this.locality = locality;
  }

  void add(LbEndpoint e, Map<String, String> endpointLabels) {
    endpoints.add(e);
    labels.add(endpointLabels);
  }

  /** The sum of the endpoint weights, saturating at MaxUint32. */
  int weightSum() {
    long sum = 0;
    for (LbEndpoint e : endpoints) {
      sum += Integer.toUnsignedLong(e.getLoadBalancingWeight().getValue());
    }
    return (int) Math.min(sum, 0xFFFF_FFFFL);
  }

  LocalityLbEndpoints build() {
    LocalityLbEndpoints.Builder b = LocalityLbEndpoints.newBuilder().addAllLbEndpoints(endpoints).setPriority(priority);
    if (locality != null) {
      b.setLocality(locality);
    }
    if (weight != null) {
      b.setLoadBalancingWeight(UInt32Value.of(weight));
    }
    return b.build();
  }
}
