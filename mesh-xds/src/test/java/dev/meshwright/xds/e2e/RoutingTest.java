package dev.meshwright.xds.e2e;

import static dev.meshwright.xds.e2e.EchoMesh.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Traffic routing as grpc-java's proxyless client applies what the real translator generates: weighted subsets,
 * header matches, DestinationRule subsets selecting endpoints by label, consistent hashing, and short host names.
 */
class RoutingTest {
  @Test
  @DisplayName("a VirtualService splitting 80/20 across two DestinationRule subsets splits 1,000 calls within ±5%")
  void weightedSplit() throws Exception {
    try (Backend v1 = Backend.start("v1"); Backend v2 = Backend.start("v2");
        ControlPlane cp = ControlPlane.start(EchoMesh.snapshot(List.of(v1, v2), EchoMesh.virtualService(
            "- route: [" + to("v1", 80) + ", " + to("v2", 20) + "]")));
        ProxylessClient client = ProxylessClient.connect(cp.port(), "split")) {
      cp.awaitSynced(client);
      Map<String, Integer> split = client.send(1_000);
      assertThat(split).containsOnlyKeys("v1", "v2");
      assertThat(split.get("v1")).isBetween(750, 850);
      assertThat(v1.calls() + v2.calls()).isEqualTo(1_000);
    }
  }

  @Test
  @DisplayName("a header match sends the calls carrying the header to v2 and every other call to v1")
  void headerMatch() throws Exception {
    try (Backend v1 = Backend.start("v1"); Backend v2 = Backend.start("v2");
        ControlPlane cp = ControlPlane.start(EchoMesh.snapshot(List.of(v1, v2), EchoMesh.virtualService("""
            - match: [{headers: {x-version: {exact: v2}}}]
              route: [%s]
            - route: [%s]
            """.formatted(to("v2"), to("v1")))));
        ProxylessClient client = ProxylessClient.connect(cp.port(), "headers")) {
      cp.awaitSynced(client);
      assertThat(client.send(50, Map.of("x-version", "v2"))).isEqualTo(Map.of("v2", 50));
      assertThat(client.send(50, Map.of("x-version", "v3"))).isEqualTo(Map.of("v1", 50));
      assertThat(client.send(50)).isEqualTo(Map.of("v1", 50));
    }
  }

  @Test
  @DisplayName("a DestinationRule subset reaches exactly the endpoints its labels select, balanced across them")
  void subsetsSelectEndpointsByLabel() throws Exception {
    try (Backend blue1 = Backend.start("blue-1"); Backend blue2 = Backend.start("blue-2");
        Backend green = Backend.start("green")) {
      Map<Backend, String> labels = new LinkedHashMap<>();
      labels.put(blue1, "{track: blue, version: v1}");
      labels.put(blue2, "{track: blue, version: v2}");
      labels.put(green, "{track: green, version: v2}");
      String subsets = """
          - {name: blue, labels: {track: blue}}
          - {name: v2-green, labels: {track: green, version: v2}}
          - {name: v2, labels: {version: v2}}
          """;
      String vs = EchoMesh.virtualService("""
          - match: [{headers: {x-subset: {exact: v2-green}}}]
            route: [%s]
          - match: [{headers: {x-subset: {exact: v2}}}]
            route: [%s]
          - route: [%s]
          """.formatted(to("v2-green"), to("v2"), to("blue")));
      try (ControlPlane cp = ControlPlane.start(EchoMesh.snapshotOf(EchoMesh.serviceEntry(labels),
          EchoMesh.destinationRule(subsets, ""), vs));
          ProxylessClient client = ProxylessClient.connect(cp.port(), "subsets")) {
        cp.awaitSynced(client);
        Map<String, Integer> blue = client.send(100);
        assertThat(blue).containsOnlyKeys("blue-1", "blue-2");
        assertThat(blue.get("blue-1")).isBetween(30, 70); // round robin over the subset's two endpoints
        assertThat(client.send(50, Map.of("x-subset", "v2-green"))).isEqualTo(Map.of("green", 50));
        assertThat(client.send(100, Map.of("x-subset", "v2"))).containsOnlyKeys("blue-2", "green");
      }
    }
  }

  @Test
  @DisplayName("consistent hashing on a header (ring hash) keeps each header value on one backend and spreads values")
  void consistentHashOnHeader() throws Exception {
    try (Backend a = Backend.start("a"); Backend b = Backend.start("b"); Backend c = Backend.start("c");
        ControlPlane cp = ControlPlane.start(EchoMesh.snapshotWithPolicy(List.of(a, b, c),
            "{loadBalancer: {consistentHash: {httpHeaderName: x-user}}}"));
        ProxylessClient client = ProxylessClient.connect(cp.port(), "hash")) {
      cp.awaitSynced(client);
      Set<String> used = new TreeSet<>();
      for (int user = 0; user < 20; user++) {
        Map<String, Integer> got = client.send(10, Map.of("x-user", "user-" + user));
        assertThat(got).as("user-%d sticks to one backend", user).hasSize(1);
        used.addAll(got.keySet());
      }
      assertThat(used).as("20 users spread over the ring").hasSizeGreaterThan(1).isSubsetOf("a", "b", "c");
    }
  }

  @Test
  @DisplayName("clients dialing the short names echo:7070 and echo.e2e:7070 get the service's listener and routes")
  void shortNames() throws Exception {
    try (Backend v1 = Backend.start("v1"); Backend v2 = Backend.start("v2");
        ControlPlane cp = ControlPlane.start(EchoMesh.snapshot(List.of(v1, v2),
            EchoMesh.virtualService("- route: [" + to("v2") + "]")));
        ProxylessClient shortest = ProxylessClient.connect(cp.port(), "short", "echo:" + EchoMesh.PORT);
        ProxylessClient withNamespace = ProxylessClient.connect(cp.port(), "short-ns",
            "echo." + EchoMesh.NAMESPACE + ":" + EchoMesh.PORT)) {
      for (ProxylessClient c : List.of(shortest, withNamespace)) {
        cp.awaitSynced(c);
        assertThat(c.send(20)).isEqualTo(Map.of("v2", 20));
      }
    }
  }
}
