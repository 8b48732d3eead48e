package dev.meshwright.xds.envoyfilter;

import com.google.protobuf.Any;
import dev.meshwright.api.networking.EnvoyFilterClusterMatch;
import dev.meshwright.api.networking.EnvoyFilterPatch.Operation;
import dev.meshwright.api.networking.EnvoyFilterSpec.ApplyTo;
import dev.meshwright.api.networking.EnvoyFilterSpec.PatchContext;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * istiod's CLUSTER patches: a matching REMOVE drops the cluster; otherwise each matching MERGE in order merges its
 * value, except that a value with a transport socket only merges that socket (its typed config, unpacked, into the
 * cluster's socket of the same name, or into the same-named one of its {@code transport_socket_matches}; a cluster
 * with neither gets the value's socket as is, and a cluster with matches but none of that name is left alone);
 * ADD clusters are appended. A cluster matches by exact name, or by port, subset and service parsed from its
 * {@code dir|port|subset|host} name (an inbound cluster matches the services its workload serves on that port).
 * Stateless.
 */
final class ClusterPatches {
  private ClusterPatches() {}

  /** {@code c} patched in {@code ctx}; empty when removed. {@code hosts} are an inbound cluster's services. */
  static Optional<Cluster> patch(ProxyPatches patches, PatchContext ctx, Cluster c, Set<String> hosts) {
    List<Patch> all = patches.get(ApplyTo.CLUSTER);
    for (Patch p : all) {
      if (p.operation() == Operation.REMOVE && p.inContext(ctx) && matches(c, p, hosts)) {
        return Optional.empty();
      }
    }
    Cluster out = c;
    for (Patch p : all) {
      if (p.operation() == Operation.MERGE && p.inContext(ctx) && matches(out, p, hosts)) {
        Cluster value = p.value(Cluster.class);
        out = value.hasTransportSocket() ? mergeTransportSocket(out, value) : ProtoMerge.merge(out, value);
      }
    }
    return Optional.of(out);
  }

  /** The clusters ADD patches insert in {@code ctx}. */
  static List<Cluster> added(ProxyPatches patches, PatchContext ctx) {
    List<Cluster> out = new ArrayList<>();
    for (Patch p : patches.get(ApplyTo.CLUSTER)) {
      if (p.operation() == Operation.ADD && p.addsIn(ctx)) {
        out.add(p.value(Cluster.class));
      }
    }
    return out;
  }

  private static Cluster mergeTransportSocket(Cluster c, Cluster value) {
    TransportSocket want = value.getTransportSocket();
    if (c.getTransportSocketMatchesCount() > 0) {
      Cluster.Builder b = c.toBuilder();
      for (Cluster.TransportSocketMatch.Builder m : b.getTransportSocketMatchesBuilderList()) {
        if (m.hasTransportSocket() && m.getTransportSocket().getName().equals(want.getName())) {
          m.setTransportSocket(mergeTypedConfig(m.getTransportSocket(), want));
          return b.build();
        }
      }
      return c;
    }
    if (c.hasTransportSocket() && c.getTransportSocket().getName().equals(want.getName())) {
      return c.toBuilder().setTransportSocket(mergeTypedConfig(c.getTransportSocket(), want)).build();
    }
    return c.toBuilder().setTransportSocket(want).build();
  }

  /** {@code src}'s typed config merged into {@code dst}'s (both unpacked); {@code dst} unchanged if either is unset. */
  static TransportSocket mergeTypedConfig(TransportSocket dst, TransportSocket src) {
    if (!dst.hasTypedConfig() || !src.hasTypedConfig()) {
      return dst;
    }
    Optional<Any> merged = ProtoMerge.mergeAny(dst.getTypedConfig(), src.getTypedConfig());
    return merged.map(a -> dst.toBuilder().setTypedConfig(a).build()).orElse(dst);
  }

  static boolean matches(Cluster c, Patch p, Set<String> hosts) {
    Optional<EnvoyFilterClusterMatch> m = p.match().cluster();
    if (m.isEmpty()) {
      return true;
    }
    String name = m.get().name().orElse("");
    if (!name.isEmpty()) {
      return name.equals(c.getName());
    }
    SubsetKey key = SubsetKey.parse(c.getName());
    String subset = m.get().subset().orElse("");
    if (!subset.isEmpty() && !subset.equals(key.subset())) {
      return false;
    }
    String service = m.get().service().orElse("");
    if (!service.isEmpty()) {
      boolean inbound = key.direction().equals("inbound") && !hosts.isEmpty();
      if (inbound ? !hosts.contains(service) : !service.equals(key.hostname())) {
        return false;
      }
    }
    int port = m.get().portNumber().orElse(0);
    return port == 0 || port == key.port();
  }
}
