package dev.meshwright.model.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.MeshResource;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.networking.Subset;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigEvent;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.config.ConfigView;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MeshTranslatorTest {
  private static final MeshConfig MESH = MeshConfigs.defaults();

  static MeshSnapshot snapshot(String yaml) {
    return MeshTranslator.create().translate(ConfigView.of(MeshYaml.read("t.yaml", yaml).resources()), MESH);
  }

  static String vs(String name, String ns, String created, String hosts, String gateways, String exportTo) {
    return "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: " + name
        + ", namespace: " + ns + ", creationTimestamp: \"" + created + "\"}\nspec:\n  hosts: " + hosts
        + "\n  gateways: " + gateways + "\n  exportTo: " + exportTo
        + "\n  http: [{route: [{destination: {host: x}}]}]\n";
  }

  @Test
  @DisplayName("VirtualServices by gateway: own namespace's private ones, then exported, then public, each by creation time")
  void virtualServicesByGateway() {
    MeshSnapshot s = snapshot(
        vs("pub-late", "a", "2024-01-02T00:00:00Z", "[reviews]", "[]", "[]")
        + vs("pub-early", "b", "2024-01-01T00:00:00Z", "[reviews.a.svc.cluster.local]", "[]", "['*']")
        + vs("priv", "a", "2024-01-03T00:00:00Z", "[ratings]", "[mesh]", "['.']")
        + vs("to-c", "a", "2024-01-03T00:00:00Z", "[details]", "[]", "[c]")
        + vs("hidden", "a", "2024-01-03T00:00:00Z", "[hidden]", "[]", "['~']")
        + vs("gw", "a", "2024-01-03T00:00:00Z", "['*.example.com']", "[ingress, other/gw2, ./gw3, gw4.ns4.svc.cluster.local]", "[]"));
    VirtualServiceIndex idx = s.virtualServices();
    assertThat(idx.forGateway("mesh", "a")).extracting(MeshResource::name).containsExactly("priv", "pub-early", "pub-late");
    assertThat(idx.forGateway("mesh", "c")).extracting(MeshResource::name).containsExactly("to-c", "pub-early", "pub-late");
    assertThat(idx.forGateway("mesh", "b")).extracting(MeshResource::name).containsExactly("pub-early", "pub-late");
    assertThat(idx.gateways()).containsExactly("a/gw3", "a/ingress", "mesh", "ns4/gw4", "other/gw2");
    assertThat(idx.forGateway("a/ingress", "z")).extracting(MeshResource::name).containsExactly("gw");
    assertThat(idx.forHost("mesh", "b", "reviews.a.svc.cluster.local")).get()
        .extracting(MeshResource::name).isEqualTo("pub-early");
    assertThat(idx.forHost("a/ingress", "b", "shop.example.com")).get().extracting(MeshResource::name).isEqualTo("gw");
    assertThat(idx.forHost("mesh", "b", "ratings.a.svc.cluster.local")).isEmpty();
  }

  @Test
  @DisplayName("mesh defaultVirtualServiceExportTo '.' makes VirtualServices without exportTo private")
  void virtualServiceDefaultExport() {
    MeshConfig mesh = MeshConfig.builder().from(MESH).defaultVirtualServiceExportTo(List.of(".")).build();
    MeshSnapshot s = MeshTranslator.create().translate(ConfigView.of(MeshYaml.read("t",
        vs("v", "a", "", "[reviews]", "[]", "[]")).resources()), mesh);
    assertThat(s.virtualServices().forGateway("mesh", "a")).hasSize(1);
    assertThat(s.virtualServices().forGateway("mesh", "b")).isEmpty();
  }

  static String dr(String name, String ns, String created, String host, String extra) {
    return "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: " + name
        + ", namespace: " + ns + ", creationTimestamp: \"" + created + "\"}\nspec:\n  host: " + host + "\n" + extra;
  }

  @Test
  @DisplayName("DestinationRules for one host merge as Istio does: new subsets appended, first traffic policy wins")
  void destinationRuleMerge() {
    MeshSnapshot s = snapshot(
        dr("second", "a", "2024-01-02T00:00:00Z", "reviews", "  subsets: [{name: v1, labels: {v: one}}, {name: v2, labels: {v: two}}]\n"
            + "  trafficPolicy: {loadBalancer: {simple: RANDOM}}\n")
        + dr("first", "a", "2024-01-01T00:00:00Z", "reviews.a.svc.cluster.local", "  subsets: [{name: v1, labels: {v: uno}}]\n"));
    List<MergedDestinationRule> rules = s.destinationRules().lookup("a", "reviews.a.svc.cluster.local", "a");
    assertThat(rules).singleElement().satisfies(r -> {
      assertThat(r.from()).containsExactly("a/first", "a/second");
      assertThat(r.spec().subsets()).extracting(Subset::name).extracting(o -> o.orElseThrow()).containsExactly("v1", "v2");
      assertThat(r.spec().subsets().get(0).labels()).containsEntry("v", "uno");
      assertThat(r.spec().trafficPolicy()).isPresent();
    });
  }

  @Test
  @DisplayName("DestinationRule lookup: proxy namespace, then the service's namespace if exported, then the root namespace")
  void destinationRuleLookup() {
    MeshSnapshot s = snapshot(
        dr("root", "istio-system", "", "'*.svc.cluster.local'", "  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}\n")
        + dr("svc", "a", "", "reviews", "  exportTo: [b]\n")
        + dr("private", "a", "", "ratings", "  exportTo: ['.']\n")
        + dr("local", "c", "", "reviews.a.svc.cluster.local", "  exportTo: ['.']\n"));
    assertThat(s.destinationRules().lookup("c", "reviews.a.svc.cluster.local", "a"))
        .singleElement().extracting(r -> r.from()).isEqualTo(List.of("c/local"));
    assertThat(s.destinationRules().lookup("b", "reviews.a.svc.cluster.local", "a"))
        .singleElement().extracting(r -> r.from()).isEqualTo(List.of("a/svc"));
    assertThat(s.destinationRules().lookup("d", "reviews.a.svc.cluster.local", "a"))
        .singleElement().extracting(r -> r.from()).isEqualTo(List.of("istio-system/root"));
    assertThat(s.destinationRules().lookup("a", "ratings.a.svc.cluster.local", "a"))
        .singleElement().extracting(r -> r.from()).isEqualTo(List.of("a/private"));
    assertThat(s.destinationRules().lookup("b", "ratings.a.svc.cluster.local", "a"))
        .singleElement().extracting(r -> r.from()).isEqualTo(List.of("istio-system/root"));
    assertThat(s.destinationRules().lookup("b", "other.example.com", "")).isEmpty();
  }

  static final String WORKLOADS = """
      apiVersion: v1
      kind: Pod
      metadata: {name: reviews-v1, namespace: a, labels: {app: reviews, version: v1}}
      status: {podIP: 10.0.0.1}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: ratings, namespace: a, labels: {app: ratings}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: b, labels: {app: web}}
      ---
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: ns-default, namespace: a}
      spec: {egress: [{hosts: ["./*"]}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: reviews-only, namespace: a}
      spec: {workloadSelector: {labels: {app: reviews}}, egress: [{hosts: ["./*"]}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: istio-system}
      spec: {egress: [{hosts: ["*/*"]}]}
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: mesh, namespace: istio-system}
      spec: {mtls: {mode: STRICT}}
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: reviews, namespace: a}
      spec: {selector: {matchLabels: {app: reviews}}, mtls: {mode: PERMISSIVE}}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: deny-all, namespace: b}
      spec: {}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: gateway-only, namespace: b}
      spec: {targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: gw}]}
      ---
      apiVersion: security.istio.io/v1
      kind: RequestAuthentication
      metadata: {name: jwt, namespace: istio-system}
      spec: {selector: {matchLabels: {app: web}}, jwtRules: [{issuer: "https://issuer"}]}
      """;

  @Test
  @DisplayName("each workload gets its Sidecar (selector, namespace default, root default) and matching policies")
  void workloadSelection() {
    MeshSnapshot s = snapshot(WORKLOADS);
    assertThat(s.workload("Pod a/reviews-v1")).get().satisfies(w -> {
      assertThat(w.sidecar()).contains("a/reviews-only");
      assertThat(w.peerAuthentications()).containsExactly("a/reviews", "istio-system/mesh");
      assertThat(w.authorizationPolicies()).isEmpty();
    });
    assertThat(s.workload("Pod a/ratings")).get().satisfies(w -> {
      assertThat(w.sidecar()).contains("a/ns-default");
      assertThat(w.peerAuthentications()).containsExactly("istio-system/mesh");
    });
    assertThat(s.workload("Pod b/web")).get().satisfies(w -> {
      assertThat(w.sidecar()).contains("istio-system/default");
      assertThat(w.authorizationPolicies()).containsExactly("b/deny-all");
      assertThat(w.requestAuthentications()).containsExactly("istio-system/jwt");
    });
  }

  @Test
  @DisplayName("the root namespace comes from the mesh config")
  void rootNamespaceFromMeshConfig() {
    MeshConfig mesh = MeshConfig.builder().from(MESH).rootNamespace("mesh-root").build();
    MeshSnapshot s = MeshTranslator.create().translate(
        ConfigView.of(MeshYaml.read("t", WORKLOADS).resources()), mesh);
    assertThat(s.rootNamespace()).isEqualTo("mesh-root");
    assertThat(s.workload("Pod b/web").orElseThrow().sidecar()).isEmpty();
    assertThat(s.workload("Pod b/web").orElseThrow().requestAuthentications()).isEmpty();
  }

  @Test
  @DisplayName("an invalid resource is left out with a diagnostic naming it; everything else still works")
  void invalidResourcesLeftOut() {
    MeshSnapshot s = snapshot(vs("good", "a", "", "[reviews]", "[]", "[]")
        + vs("bad", "a", "", "[reviews]", "[]", "[]").replace("http: [{route: [{destination: {host: x}}]}]",
            "http: [{route: [{destination: {host: x}, weight: -5}]}]")
        + dr("dangling", "a", "", "nowhere.example.com", "  subsets: [{name: v1, labels: {v: x}}]\n"));
    assertThat(s.virtualServices().all()).extracting(MeshResource::name).containsExactly("good");
    assertThat(s.diagnostics()).anySatisfy(d -> {
      assertThat(d.name()).isEqualTo("bad");
      assertThat(d.message()).contains("left out of the mesh snapshot");
    });
    assertThat(s.destinationRules("a", "nowhere.example.com")).hasSize(1);
  }

  @Test
  @DisplayName("an invalid ServiceEntry is kept out of the registry too; a valid one next to it is not")
  void invalidServiceEntryLeftOut() {
    MeshSnapshot s = snapshot("""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: bad, namespace: a}
        spec: {hosts: [bad.example.com], ports: [{number: 80, name: x, protocol: BOGUS}], resolution: DNS}
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: good, namespace: a}
        spec: {hosts: [good.example.com], ports: [{number: 80, name: http, protocol: HTTP}], resolution: DNS}
        """);
    assertThat(s.registry().services()).extracting(svc -> svc.hostname()).containsExactly("good.example.com");
    assertThat(s.diagnostics()).anySatisfy(d -> assertThat(d.format()).contains("ServiceEntry a/bad", "left out"));
  }

  @Test
  @DisplayName("an incremental update after one VirtualService change equals a full build and reuses the rest")
  void incrementalEqualsFull() {
    ConfigStore store = ConfigStore.builder().build();
    store.putAll("f", MeshYaml.read("t", WORKLOADS + vs("v", "a", "", "[reviews]", "[]", "[]")
        + dr("d", "a", "", "reviews", "")).resources());
    MeshTranslator t = MeshTranslator.create();
    MeshSnapshot first = t.translate(store.view(), MESH);
    List<ConfigEvent> events = store.putAll("f", MeshYaml.read("t", vs("v", "a", "", "[ratings]", "[]", "[]")).resources());
    MeshSnapshot updated = t.update(first, store.view(), MESH, events);
    assertThat(updated.registry()).isSameAs(first.registry());
    assertThat(updated.destinationRules()).isSameAs(first.destinationRules());
    assertThat(updated.workloads()).isSameAs(first.workloads());
    assertThat(updated.virtualServices().all().get(0).spec().hosts()).containsExactly("ratings.a.svc.cluster.local");
    assertThat(SnapshotYaml.write(updated)).isEqualTo(SnapshotYaml.write(t.translate(store.view(), MESH)));
  }

  @Test
  @DisplayName("the YAML form lists services with endpoints, VirtualServices by gateway, DestinationRules and workloads")
  void yaml() {
    String out = SnapshotYaml.write(snapshot(WORKLOADS + vs("v", "a", "", "[reviews]", "[]", "[]") + """
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: ext, namespace: a}
        spec: {hosts: [api.example.com], ports: [{number: 443, name: tls, protocol: TLS}], resolution: DNS}
        """));
    assertThat(out).contains("rootNamespace: istio-system", "hostname: api.example.com", "resolution: DNS",
        "protocol: TLS", "byGateway:", "a/v", "workload: Pod a/reviews-v1", "sidecar: a/reviews-only",
        "meshConfig:");
  }
}
