package dev.meshwright.xds.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshConfigYaml;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.config.TextSources;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ProxyType;
import dev.meshwright.xds.XdsOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuthzInputTest {
  private static final String CONFIG = """
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: cart, namespace: shop}
      spec:
        selector: {matchLabels: {app: cart}}
        rules: [{from: [{source: {principals: [cluster.local/ns/web/sa/frontend]}}]}]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: mesh-wide, namespace: mesh-root}
      spec: {action: DENY, rules: [{to: [{operation: {paths: [/debug]}}]}]}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: other, namespace: shop}
      spec: {selector: {matchLabels: {app: other}}}
      """;

  private static ProxyContext context(ProxyType type, Map<String, Object> metadata) {
    ConfigStore store = ConfigStore.builder().build();
    TextSources.apply(store, "config.yaml", CONFIG, MeshYaml.standard());
    MeshConfig mesh = MeshConfigs.merge(MeshConfigs.defaults(), MeshConfigYaml.read("mesh.yaml", """
        rootNamespace: mesh-root
        trustDomain: corp.example
        trustDomainAliases: [cluster.local]
        """).meshConfig().orElseThrow());
    MeshSnapshot snapshot = MeshTranslator.create().translate(store.view(), mesh);
    Proxy proxy = new Proxy(type, List.of("10.4.0.9"), "cart-1.shop", "shop.svc.corp.example", "shop",
        Map.of("app", "cart"), metadata, "sidecar~10.4.0.9~cart-1.shop~shop.svc.corp.example");
    return ProxyContext.of(snapshot, proxy, XdsOptions.defaults().withDomainSuffix("corp.example"));
  }

  @Test
  @DisplayName("of(ctx): the workload's and the root namespace's policies, the mesh trust domain and its aliases")
  void fromContext() {
    AuthzInput in = AuthzInput.of(context(ProxyType.SIDECAR, Map.of()));
    assertThat(in.policies()).extracting(p -> p.namespace() + "/" + p.name())
        .containsExactlyInAnyOrder("shop/cart", "mesh-root/mesh-wide");
    assertThat(in.trustDomains().trustDomains()).containsExactly("corp.example", "cluster.local");
    assertThat(in.options()).isEqualTo(AuthzOptions.DEFAULTS);
    assertThat(AuthzFilters.http(in).local()).hasSize(2);
  }

  @Test
  @DisplayName("of(ctx): proxies before 1.21 read istio_authn claims, waypoints read peer identity from filter state")
  void optionsFromProxy() {
    assertThat(AuthzInput.of(context(ProxyType.SIDECAR, Map.of("ISTIO_VERSION", "1.20.3"))).options().jwtClaims())
        .isEqualTo(AuthzOptions.JwtClaims.ISTIO_AUTHN);
    assertThat(AuthzInput.of(context(ProxyType.SIDECAR, Map.of("ISTIO_VERSION", "1.22.8"))).options().jwtClaims())
        .isEqualTo(AuthzOptions.JwtClaims.JWT_AUTHN);
    assertThat(AuthzInput.of(context(ProxyType.WAYPOINT, Map.of())).options().peerIdentity())
        .isEqualTo(AuthzOptions.PeerIdentity.FILTER_STATE);
  }
}
