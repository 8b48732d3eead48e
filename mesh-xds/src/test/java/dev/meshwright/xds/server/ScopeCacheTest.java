package dev.meshwright.xds.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.SnapshotChanges;
import dev.meshwright.xds.ConfigDependencies;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scopes are built once per snapshot and survive a change of endpoints alone, not a change of config. */
class ScopeCacheTest {
  private static final Proxy PROXY =
      NodeIds.parse("sidecar~10.0.0.9~web-1.shop~shop.svc.cluster.local", Map.of()).orThrow();
  private static final String SERVICE = TestMesh.serviceEntry("a", "shop", "a.shop.svc.cluster.local", 80, "10.1.0.1");

  @Test
  void anEndpointOnlyChangeCarriesTheScopesOver() {
    MeshSnapshot before = TestMesh.snapshot(SERVICE);
    MeshSnapshot after = TestMesh.snapshot(
        TestMesh.serviceEntry("a", "shop", "a.shop.svc.cluster.local", 80, "10.1.0.1", "10.1.0.2"));
    SnapshotChanges changes = SnapshotChanges.between(before, after);
    assertThat(changes.configs()).isEmpty();
    assertThat(changes.endpoints()).isNotEmpty();

    ScopeCache cache = new ScopeCache();
    ConfigDependencies scope = cache.of(before, PROXY);
    cache.advance(before, after, changes);
    assertThat(cache.of(after, PROXY)).isSameAs(scope);
  }

  @Test
  void aConfigChangeBuildsTheScopesAgain() {
    MeshSnapshot before = TestMesh.snapshot(SERVICE);
    MeshSnapshot after = TestMesh.snapshot(SERVICE,
        TestMesh.serviceEntry("b", "shop", "b.shop.svc.cluster.local", 80, "10.1.0.3"));
    SnapshotChanges changes = SnapshotChanges.between(before, after);
    assertThat(changes.configs()).isNotEmpty();

    ScopeCache cache = new ScopeCache();
    ConfigDependencies scope = cache.of(before, PROXY);
    cache.advance(before, after, changes);
    ConfigDependencies next = cache.of(after, PROXY);
    assertThat(next).isNotSameAs(scope);
    assertThat(next.imports("b.shop.svc.cluster.local")).isTrue();
    assertThat(scope.imports("b.shop.svc.cluster.local")).isFalse();
  }

  @Test
  void aSnapshotTheCacheDidNotComeFromIsNotCarriedOver() {
    MeshSnapshot before = TestMesh.snapshot(SERVICE);
    MeshSnapshot other = TestMesh.snapshot(SERVICE);
    MeshSnapshot after = TestMesh.snapshot(SERVICE);
    ScopeCache cache = new ScopeCache();
    ConfigDependencies scope = cache.of(before, PROXY);
    cache.advance(other, after, SnapshotChanges.none());
    assertThat(cache.of(after, PROXY)).isNotSameAs(scope);
  }
}
