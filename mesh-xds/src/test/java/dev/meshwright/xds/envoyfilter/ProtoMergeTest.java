package dev.meshwright.xds.envoyfilter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.util.Durations;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Istio's MERGE semantics on our own messages. */
class ProtoMergeTest {
  @Test
  @DisplayName("scalars overwrite, repeated fields append, oneofs switch, Durations are replaced whole")
  void mergeRules() {
    Cluster dst = Cluster.newBuilder().setName("a").setConnectTimeout(Durations.fromMillis(10_500))
        .setType(Cluster.DiscoveryType.EDS).build();
    Cluster src = Cluster.newBuilder().setConnectTimeout(Durations.fromSeconds(2))
        .setClusterType(Cluster.CustomClusterType.newBuilder().setName("custom")).build();
    Cluster merged = ProtoMerge.merge(dst, src);
    assertThat(merged.getName()).isEqualTo("a");
    assertThat(merged.getConnectTimeout()).isEqualTo(Durations.fromSeconds(2)); // not 2.5s
    assertThat(merged.hasClusterType()).isTrue();
    assertThat(merged.hasType()).isFalse();

    Metadata m1 = Metadata.newBuilder().putFilterMetadata("a", com.google.protobuf.Struct.getDefaultInstance()).build();
    Metadata m2 = Metadata.newBuilder().putFilterMetadata("b", com.google.protobuf.Struct.getDefaultInstance()).build();
    assertThat(ProtoMerge.merge(m1, m2).getFilterMetadataMap()).containsOnlyKeys("a", "b");
    io.envoyproxy.envoy.type.v3.HashPolicy hash = io.envoyproxy.envoy.type.v3.HashPolicy.getDefaultInstance();
    TcpProxy t = ProtoMerge.merge(TcpProxy.newBuilder().setStatPrefix("x").addHashPolicy(hash).build(),
        TcpProxy.newBuilder().addHashPolicy(hash).build());
    assertThat(t.getHashPolicyCount()).isEqualTo(2);
    assertThat(t.getStatPrefix()).isEqualTo("x");
  }

  @Test
  @DisplayName("mergeAny merges the unpacked payloads and keeps the destination's type URL; unknown types give nothing")
  void mergeAny() throws Exception {
    Any dst = Any.pack(Router.newBuilder().setSuppressEnvoyHeaders(true).build());
    Any src = Any.pack(Router.newBuilder().setRespectExpectedRqTimeout(true).build());
    Router merged = ProtoMerge.mergeAny(dst, src).orElseThrow().unpack(Router.class);
    assertThat(merged.getSuppressEnvoyHeaders()).isTrue();
    assertThat(merged.getRespectExpectedRqTimeout()).isTrue();
    assertThat(ProtoMerge.mergeAny(dst, Any.newBuilder().setTypeUrl("type.googleapis.com/no.Such").build())).isEmpty();
  }
}
