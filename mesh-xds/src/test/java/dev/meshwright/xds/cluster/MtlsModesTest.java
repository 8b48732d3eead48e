package dev.meshwright.xds.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.security.MutualTls;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.MeshFixture;
import dev.meshwright.xds.ProxyContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The per-snapshot memo of workload mTLS modes answers what composing the policies answers, key by key. */
class MtlsModesTest {
  private static final String POLICIES = """
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: default, namespace: shop}
      spec: {mtls: {mode: STRICT}}
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: legacy, namespace: shop}
      spec:
        selector: {matchLabels: {app: legacy}}
        mtls: {mode: PERMISSIVE}
        portLevelMtls: {8080: {mode: DISABLE}}
      """;

  @Test
  @DisplayName("memoized modes equal composed ones; namespace, labels and port each select their own entry")
  void memoMatchesComposition() {
    MeshSnapshot s = MeshFixture.snapshot(POLICIES);
    ProxyContext ctx = MeshFixture.context(s, MeshFixture.sidecar("10.0.0.1", "shop", Map.of("app", "client")));
    record Case(String ns, Map<String, String> labels, int port, MutualTls.Mode expected) {}
    List<Case> cases = List.of(
        new Case("shop", Map.of("app", "web"), 8080, MutualTls.Mode.STRICT),
        new Case("shop", Map.of("app", "legacy"), 8080, MutualTls.Mode.DISABLE),
        new Case("shop", Map.of("app", "legacy"), 9090, MutualTls.Mode.PERMISSIVE),
        new Case("other", Map.of("app", "legacy"), 8080, MutualTls.Mode.PERMISSIVE));
    for (int round = 0; round < 2; round++) {
      for (Case c : cases) {
        assertThat(MtlsModes.workloadMode(ctx, c.ns(), c.labels(), c.port())).as("%s round %d", c, round)
            .isEqualTo(c.expected())
            .isEqualTo(MtlsModes.workloadMode(s, c.ns(), c.labels(), c.port()));
      }
    }
  }
}
