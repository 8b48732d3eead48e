package dev.meshwright.xds.nds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.MeshFixture;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.SnapshotMemo;
import dev.meshwright.xds.XdsCache;
import dev.meshwright.xds.XdsResource;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The name table shared through the snapshot's cache: sidecars of one namespace and network get the same resource,
 * byte for byte the uncached one; another network (headless endpoints filtered by network) or namespace gets its own.
 */
class NameTableCacheTest {
  private static final String CONFIG = """
      apiVersion: v1
      kind: Service
      metadata: {name: billing, namespace: payments}
      spec:
        clusterIP: 10.96.4.7
        ports: [{name: http, port: 8080}]
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: peers, namespace: payments}
      spec:
        hosts: [peers.payments.internal]
        location: MESH_INTERNAL
        ports: [{number: 7000, name: tcp, protocol: TCP}]
        resolution: NONE
        workloadSelector: {labels: {app: peer}}
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: WorkloadEntry
      metadata: {name: peer-near, namespace: payments}
      spec: {address: 10.1.0.1, labels: {app: peer}, network: near}
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: WorkloadEntry
      metadata: {name: peer-far, namespace: payments}
      spec: {address: 10.2.0.1, labels: {app: peer}, network: far}
      """;

  private static final NameTableGenerator GEN = new NameTableGenerator();

  private static XdsResource table(MeshSnapshot s, Proxy p, XdsCache.Caching caching) {
    return GEN.generate(ProxyContext.of(s, p, MeshFixture.OPTIONS, caching), Set.of()).resources().get(0);
  }

  private static Proxy sidecar(String ip, String ns, String network) {
    return MeshFixture.proxy("sidecar", ip, ns, Map.of("app", "client"), Map.of("NETWORK", network));
  }

  @Test
  @DisplayName("same namespace and network: one entry, the same resource, the uncached bytes")
  void hitEqualsMiss() {
    MeshSnapshot s = MeshFixture.snapshot(CONFIG);
    XdsCache cache = SnapshotMemo.of(s).cache();
    XdsResource first = table(s, sidecar("10.0.0.5", "payments", "near"), XdsCache.Caching.SHARED);
    int entries = cache.size();
    XdsResource second = table(s, sidecar("10.0.0.6", "payments", "near"), XdsCache.Caching.SHARED);
    assertThat(cache.size()).isEqualTo(entries);
    assertThat(second).isSameAs(first);
    assertThat(second.bytes()).isEqualTo(table(s, sidecar("10.0.0.6", "payments", "near"), XdsCache.Caching.OFF)
        .bytes());
  }

  @Test
  @DisplayName("another network or namespace gets its own entry, equal to the uncached table")
  void distinctInputsDistinctEntries() {
    MeshSnapshot s = MeshFixture.snapshot(CONFIG);
    XdsCache cache = SnapshotMemo.of(s).cache();
    XdsResource near = table(s, sidecar("10.0.0.5", "payments", "near"), XdsCache.Caching.SHARED);
    for (Proxy p : new Proxy[] {sidecar("10.0.0.7", "payments", "far"), sidecar("10.0.0.8", "other", "near")}) {
      int before = cache.size();
      XdsResource shared = table(s, p, XdsCache.Caching.SHARED);
      assertThat(cache.size()).as(p.nodeId()).isEqualTo(before + 1);
      assertThat(shared.bytes()).isEqualTo(table(s, p, XdsCache.Caching.OFF).bytes());
    }
    assertThat(table(s, sidecar("10.0.0.7", "payments", "far"), XdsCache.Caching.SHARED).version())
        .as("headless IPs by network").isNotEqualTo(near.version());
  }
}
