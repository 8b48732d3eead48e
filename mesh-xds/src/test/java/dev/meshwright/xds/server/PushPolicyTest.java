package dev.meshwright.xds.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.SnapshotChanges;
import dev.meshwright.xds.ConfigDependencies;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsGenerator;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResources;
import dev.meshwright.xds.istiod.Istiod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The push rule checked against the real translator: whenever {@link PushPolicy} skips a proxy, Istio's generator
 * gives that proxy the same config before and after the change; when it sends EDS only, everything else is the
 * same. Three sidecars (namespaces a and c scoped to themselves, b unscoped) and an ingress gateway.
 */
class PushPolicyTest {
  private static final XdsGenerator GENERATOR = Istiod.generator(XdsOptions.defaults());
  private static final List<Proxy> PROXIES = List.of(
      proxy("sidecar~10.1.0.1~app-1.a~a.svc.cluster.local", Map.of("app", "app")),
      proxy("sidecar~10.1.0.2~app-1.b~b.svc.cluster.local", Map.of("app", "app")),
      proxy("sidecar~10.1.0.3~app-1.c~c.svc.cluster.local", Map.of("app", "app")),
      proxy("router~10.1.0.9~ingress-1.istio-system~istio-system.svc.cluster.local",
          Map.of("istio", "ingressgateway")));

  private static Proxy proxy(String id, Map<String, String> labels) {
    return NodeIds.parse(id, Map.of("LABELS", labels, "ISTIO_VERSION", "1.22.8")).orThrow();
  }

  static String se(String ns, String host, String... addresses) {
    StringBuilder sb = new StringBuilder("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: "
        + host.substring(0, host.indexOf('.')) + ", namespace: " + ns + "}\nspec:\n  hosts: [" + host + "]\n"
        + "  location: MESH_INTERNAL\n  resolution: STATIC\n  ports:\n  - {number: 80, name: http, protocol: HTTP}\n"
        + "  - {number: 5432, name: tcp, protocol: TCP}\n  endpoints:\n");
    for (String a : addresses) {
      sb.append("  - {address: ").append(a).append(", labels: {version: v1}}\n");
    }
    return sb.toString();
  }

  static String scoped(String ns, String... hosts) {
    return "apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: " + ns
        + "}\nspec:\n  egress:\n  - hosts: [" + String.join(", ", hosts) + "]\n";
  }

  static String doc(String kind, String group, String ns, String spec) {
    return "apiVersion: " + group + "/v1\nkind: " + kind + "\nmetadata: {name: x, namespace: " + ns + "}\nspec:\n"
        + spec;
  }

  /** A cluster MERGE every sidecar and gateway would see. */
  static final String ENVOY_FILTER = "  configPatches: [{applyTo: CLUSTER, patch: {operation: MERGE, value: "
      + "{connect_timeout: 3s}}}]\n";
  static final String SA = se("a", "sa.a.example", "10.2.0.1");
  static final String SB = se("b", "sb.b.example", "10.2.0.2");
  static final String SC = se("c", "sc.c.example", "10.2.0.3");
  static final List<String> BASE = List.of(SA, SB, SC, scoped("a", "\"./*\""), scoped("c", "\"./*\""));

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of("HTTP VirtualService in a",
            "a=FULL b=FULL c=SKIP istio-system=FULL",
            List.of(doc("VirtualService", "networking.istio.io", "a",
            "  hosts: [sa.a.example]\n  http: [{timeout: 3s, route: [{destination: {host: sa.a.example}}]}]\n"))),
        Arguments.of("TCP VirtualService in a for c's host",
            "a=FULL b=FULL c=FULL istio-system=FULL",
            List.of(doc("VirtualService", "networking.istio.io", "a",
            "  hosts: [sc.c.example]\n  tcp: [{match: [{port: 5432}], route: [{destination: {host: sc.c.example, "
                + "port: {number: 5432}}}]}]\n"))),
        Arguments.of("DestinationRule in b",
            "a=SKIP b=FULL c=SKIP istio-system=FULL",
            List.of(doc("DestinationRule", "networking.istio.io", "b",
            "  host: sb.b.example\n  trafficPolicy: {loadBalancer: {simple: RANDOM}}\n"))),
        Arguments.of("DestinationRule in the root namespace for c's host",
            "a=SKIP b=FULL c=FULL istio-system=FULL",
            List.of(doc("DestinationRule",
            "networking.istio.io", "istio-system", "  host: sc.c.example\n  subsets: [{name: v1, labels: "
                + "{version: v1}}]\n"))),
        Arguments.of("Sidecar in a widened to b",
            "a=FULL b=SKIP c=SKIP istio-system=SKIP",
            List.of(SA, SB, SC, scoped("a", "\"./*\"", "\"b/*\""),
            scoped("c", "\"./*\""))),
        Arguments.of("AuthorizationPolicy in b",
            "a=SKIP b=FULL c=SKIP istio-system=FULL",
            List.of(doc("AuthorizationPolicy", "security.istio.io", "b",
            "  action: DENY\n  rules: [{to: [{operation: {paths: [/admin]}}]}]\n"))),
        Arguments.of("EnvoyFilter in b",
            "a=SKIP b=FULL c=SKIP istio-system=FULL",
            List.of(doc("EnvoyFilter", "networking.istio.io", "b", ENVOY_FILTER).replace("/v1\n", "/v1alpha3\n"))),
        Arguments.of("EnvoyFilter in the root namespace",
            "a=FULL b=FULL c=FULL istio-system=FULL",
            List.of(doc("EnvoyFilter", "networking.istio.io", "istio-system", ENVOY_FILTER)
                .replace("/v1\n", "/v1alpha3\n"))),
        Arguments.of("RequestAuthentication in the root namespace",
            "a=FULL b=FULL c=FULL istio-system=FULL",
            List.of(doc("RequestAuthentication",
            "security.istio.io", "istio-system", "  jwtRules: [{issuer: https://issuer.example, jwksUri: "
                + "https://issuer.example/jwks}]\n"))),
        Arguments.of("PeerAuthentication in a",
            "a=FULL b=FULL c=FULL istio-system=FULL",
            List.of(doc("PeerAuthentication", "security.istio.io", "a",
            "  mtls: {mode: STRICT}\n"))),
        Arguments.of("Telemetry in b (istiod scopes no Telemetry change)",
            "a=FULL b=FULL c=FULL istio-system=FULL",
            List.of(doc("Telemetry", "telemetry.istio.io", "b", "  metrics: [{providers: [{name: prometheus}]}]\n"))),
        Arguments.of("Gateway",
            "a=SKIP b=SKIP c=SKIP istio-system=FULL",
            List.of(doc("Gateway", "networking.istio.io", "istio-system",
            "  selector: {istio: ingressgateway}\n  servers: [{port: {number: 80, name: http, protocol: HTTP}, "
                + "hosts: [\"*/sa.a.example\"]}]\n"))),
        Arguments.of("an endpoint of a's service",
            "a=ENDPOINTS b=ENDPOINTS c=SKIP istio-system=ENDPOINTS",
            List.of(se("a", "sa.a.example", "10.2.0.1", "10.2.0.7"), SB, SC,
            scoped("a", "\"./*\""), scoped("c", "\"./*\""))),
        Arguments.of("an endpoint with b's proxy IP",
            "a=SKIP b=FULL c=SKIP istio-system=ENDPOINTS",
            List.of(SA, se("b", "sb.b.example", "10.2.0.2", "10.1.0.2"),
            SC, scoped("a", "\"./*\""), scoped("c", "\"./*\""))),
        Arguments.of("a new service in c",
            "a=SKIP b=FULL c=FULL istio-system=FULL",
            List.of(se("c", "sd.c.example", "10.2.0.4"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  @DisplayName("istiod's decision per proxy; a skipped proxy's config is unchanged, an EDS-only one's differs in EDS")
  void skipsOnlyWhatDoesNotChange(String name, String expected, List<String> docs) {
    boolean replaces = docs.contains(SB) || docs.contains(SA);
    List<String> after = new ArrayList<>(replaces ? List.of() : BASE);
    after.addAll(docs);
    MeshSnapshot before = TestMesh.snapshot(BASE.toArray(String[]::new));
    MeshSnapshot next = TestMesh.snapshot(after.toArray(String[]::new));
    SnapshotChanges changes = SnapshotChanges.between(before, next);
    assertThat(changes.isEmpty()).as("the change is seen").isFalse();
    StringBuilder decided = new StringBuilder();
    for (Proxy p : PROXIES) {
      PushPolicy.Decision d = PushPolicy.decide(p, changes, before,
          ConfigDependencies.of(before, p.namespace(), p.labels()), next,
          ConfigDependencies.of(next, p.namespace(), p.labels()));
      Map<String, Map<String, String>> was = versions(GENERATOR.generate(before, p));
      Map<String, Map<String, String>> is = versions(GENERATOR.generate(next, p));
      decided.append(p.namespace()).append('=').append(d.kind()).append(' ');
      if (d.kind() == PushPolicy.Kind.SKIP) {
        assertThat(is).as(p.id() + " skipped for " + changes).isEqualTo(was);
      } else if (d.kind() == PushPolicy.Kind.ENDPOINTS) {
        was.remove(TypeUrls.ENDPOINT);
        is.remove(TypeUrls.ENDPOINT);
        assertThat(is).as(p.id() + " EDS only for " + changes).isEqualTo(was);
      }
    }
    assertThat(decided.toString().trim()).as("decisions for " + name).isEqualTo(expected);
  }

  private static Map<String, Map<String, String>> versions(XdsResources r) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (String type : r.types()) {
      Map<String, String> v = new TreeMap<>();
      r.of(type).forEach((n, res) -> v.put(n, res.version()));
      out.put(type, v);
    }
    return out;
  }
}
