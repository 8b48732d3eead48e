package dev.meshwright.xds.envoyfilter;

import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.cluster;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.generate;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.httpFilterNames;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.listener;
import static dev.meshwright.xds.envoyfilter.EnvoyFilterFixture.reviews;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Durations;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.MeshFixture;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which EnvoyFilters a proxy gets, in which order, and what a bad one does. */
class SelectionTest {
  private static String timeout(String name, String ns, String selector, int priority, String value) {
    return """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: %s, namespace: %s}
        spec:
          %s
          priority: %d
          configPatches:
          - applyTo: CLUSTER
            match: {cluster: {name: "outbound|9080||reviews.shop.svc.corp.example"}}
            patch: {operation: MERGE, value: {connect_timeout: %s}}
        ---
        """.formatted(name, ns, selector, priority, value);
  }

  private static com.google.protobuf.Duration reviewsTimeout(XdsResources out) {
    return cluster(out, "outbound|9080||" + EnvoyFilterFixture.HOST).getConnectTimeout();
  }

  @Test
  @DisplayName("workloadSelector labels must be a subset of the proxy's labels")
  void workloadSelector() {
    String yaml = timeout("only-ratings", "shop", "workloadSelector: {labels: {app: ratings}}", 0, "1s");
    assertThat(reviewsTimeout(generate(yaml, reviews()))).isEqualTo(Durations.fromSeconds(10));
    Proxy ratings = EnvoyFilterFixture.sidecar("shop", Map.of("app", "ratings", "version", "v1"));
    assertThat(reviewsTimeout(generate(yaml, ratings))).isEqualTo(Durations.fromSeconds(1));
  }

  @Test
  @DisplayName("root-namespace filters apply in every namespace, others only in their own")
  void rootAndNamespace() {
    String yaml = timeout("mesh-wide", "istio-system", "", 0, "2s") + timeout("other", "other", "", 0, "3s");
    assertThat(reviewsTimeout(generate(yaml, reviews()))).isEqualTo(Durations.fromSeconds(2));
    assertThat(reviewsTimeout(generate(yaml, EnvoyFilterFixture.sidecar("other", Map.of()))))
        .isEqualTo(Durations.fromSeconds(3));
  }

  @Test
  @DisplayName("order: priority first, then root namespace before the proxy's, then creation time and name")
  void order() {
    // same priority: root first, so the namespace's filter (applied last) wins
    String same = timeout("ns", "shop", "", 0, "4s") + timeout("root", "istio-system", "", 0, "5s");
    assertThat(reviewsTimeout(generate(same, reviews()))).isEqualTo(Durations.fromSeconds(4));
    // a lower priority goes first whatever the namespace: the root filter with priority 1 wins
    String prio = timeout("ns", "shop", "", -1, "4s") + timeout("root", "istio-system", "", 1, "5s");
    assertThat(reviewsTimeout(generate(prio, reviews()))).isEqualTo(Durations.fromSeconds(5));
    // same namespace and priority, no creation time: by name, b after a
    String names = timeout("b", "shop", "", 0, "6s") + timeout("a", "shop", "", 0, "7s");
    assertThat(reviewsTimeout(generate(names, reviews()))).isEqualTo(Durations.fromSeconds(6));
  }

  @Test
  @DisplayName("match.proxy: a version regex needs ISTIO_VERSION; metadata entries must be equal")
  void proxyMatch() {
    String yaml = """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: versioned, namespace: shop}
        spec:
          configPatches:
          - applyTo: CLUSTER
            match:
              proxy: {proxyVersion: '^1\\.22.*', metadata: {ZONE: blue}}
              cluster: {portNumber: 9080}
            patch: {operation: MERGE, value: {connect_timeout: 8s}}
        """;
    MeshSnapshot s = EnvoyFilterFixture.snapshot(yaml);
    Proxy plain = reviews();
    Proxy matching = MeshFixture.proxy("sidecar", "10.0.0.5", "shop", Map.of("app", "reviews"),
        Map.of("ISTIO_VERSION", "1.22.8", "ZONE", "blue"));
    Proxy otherZone = MeshFixture.proxy("sidecar", "10.0.0.5", "shop", Map.of("app", "reviews"),
        Map.of("ISTIO_VERSION", "1.22.8", "ZONE", "red"));
    assertThat(reviewsTimeout(generate(s, plain))).isEqualTo(Durations.fromSeconds(10));
    assertThat(reviewsTimeout(generate(s, matching))).isEqualTo(Durations.fromSeconds(8));
    assertThat(reviewsTimeout(generate(s, otherZone))).isEqualTo(Durations.fromSeconds(10));
  }

  @Test
  @DisplayName("a value that does not parse: a diagnostic naming the EnvoyFilter and patch, nothing of it applied")
  void badValue() {
    String yaml = timeout("good", "shop", "", 0, "9s") + """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: bad, namespace: shop}
        spec:
          configPatches:
          - applyTo: CLUSTER
            match: {cluster: {portNumber: 3306}}
            patch: {operation: MERGE, value: {connect_timeout: 1s}}
          - applyTo: HTTP_FILTER
            patch:
              operation: ADD
              value:
                name: lua
                typed_config: {"@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua, no_such_field: 1}
        """;
    XdsResources out = generate(yaml, reviews());
    assertThat(out.diagnostics()).filteredOn(Diagnostic::isError).singleElement().satisfies(d -> {
      assertThat(d.format()).contains("EnvoyFilter shop/bad").contains("spec.configPatches[1].patch.value")
          .contains("no_such_field");
    });
    assertThat(reviewsTimeout(out)).isEqualTo(Durations.fromSeconds(9));
    assertThat(cluster(out, "outbound|3306||" + EnvoyFilterFixture.HOST).getConnectTimeout())
        .isEqualTo(Durations.fromSeconds(10));
    assertThat(httpFilterNames(listener(out, "0.0.0.0_9080").getFilterChains(0))).doesNotContain("lua");
  }

  @Test
  @DisplayName("a patch that makes a resource invalid: the output checks leave it out with a diagnostic")
  void invalidResult() {
    String yaml = timeout("negative", "shop", "", 0, "-1s");
    XdsResources out = generate(yaml, reviews());
    assertThat(out.of(TypeUrls.CLUSTER)).doesNotContainKey("outbound|9080||" + EnvoyFilterFixture.HOST)
        .containsKey("outbound|3306||" + EnvoyFilterFixture.HOST);
    assertThat(out.diagnostics()).anyMatch(d -> d.isError() && d.toString().contains("outbound|9080||"));
  }

  @Test
  @DisplayName("a proxy no EnvoyFilter selects gets byte-identical resources, shared through the cache")
  void untouchedProxy() {
    String yaml = timeout("only-ratings", "shop", "workloadSelector: {labels: {app: ratings}}", 0, "1s");
    MeshSnapshot with = EnvoyFilterFixture.snapshot(yaml);
    XdsResources patchedSnapshot = generate(with, reviews());
    XdsResources plain = generate(EnvoyFilterFixture.snapshot(""), reviews());
    assertThat(patchedSnapshot.types()).isEqualTo(plain.types());
    for (String type : plain.types()) {
      assertThat(patchedSnapshot.of(type).keySet()).isEqualTo(plain.of(type).keySet());
      for (XdsResource r : plain.of(type).values()) {
        assertThat(patchedSnapshot.get(type, r.name()).orElseThrow().bytes()).isEqualTo(r.bytes());
      }
    }
    // a selected proxy of the same snapshot does not disturb the cached resources the other one shares
    generate(with, EnvoyFilterFixture.sidecar("shop", Map.of("app", "ratings")));
    assertThat(reviewsTimeout(generate(with, reviews()))).isEqualTo(Durations.fromSeconds(10));
  }

  @Test
  @DisplayName("proxyless gRPC clients get no EnvoyFilter patches, as istiod's gRPC generator")
  void proxylessGrpc() {
    String yaml = timeout("all", "istio-system", "", 0, "1s");
    Proxy grpc = MeshFixture.proxy("sidecar", "10.0.0.5", "shop", Map.of("app", "reviews"), Map.of("GENERATOR", "grpc"));
    XdsResources patched = generate(yaml, grpc);
    XdsResources plain = generate("", grpc);
    for (String type : plain.types()) {
      assertThat(patched.of(type).keySet()).isEqualTo(plain.of(type).keySet());
      plain.of(type).values().forEach(r ->
          assertThat(patched.get(type, r.name()).orElseThrow().version()).isEqualTo(r.version()));
    }
  }
}
