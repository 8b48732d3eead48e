package dev.meshwright.xds.e2e;

import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.MeshFixture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mesh every end-to-end test runs: one gRPC service {@link #HOST} port {@link #PORT} (a STATIC ServiceEntry)
 * whose endpoints are {@link Backend}s, each labelled {@code version: <backend name>}, a DestinationRule with one
 * subset per backend (named after it), and the test's own VirtualService. Config is plain Istio YAML, so each test
 * reads as the user would write it. Stateless.
 */
final class EchoMesh {
  private EchoMesh() {}

  static final String DOMAIN = MeshFixture.DOMAIN;
  static final String NAMESPACE = "e2e";
  static final String HOST = "echo." + NAMESPACE + ".svc." + DOMAIN;
  static final int PORT = 7070;
  /** What the clients dial: the listener name grpc-java asks LDS for. */
  static final String TARGET = HOST + ":" + PORT;

  /** The ServiceEntry: one endpoint per backend, on the backend's port, labelled {@code version: <name>}. */
  static String serviceEntry(List<Backend> backends) {
    Map<Backend, String> labels = new LinkedHashMap<>();
    backends.forEach(b -> labels.put(b, "{version: " + b.name() + "}"));
    return serviceEntry(labels);
  }

  /** The ServiceEntry: one endpoint per backend, on the backend's port, with its labels (a YAML flow map). */
  static String serviceEntry(Map<Backend, String> labels) {
    StringBuilder endpoints = new StringBuilder();
    labels.forEach((b, l) -> endpoints.append("  - {address: 127.0.0.1, ports: {grpc: ").append(b.port())
        .append("}, labels: ").append(l).append("}\n"));
    return """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: echo, namespace: %s}
        spec:
          hosts: [%s]
          location: MESH_INTERNAL
          resolution: STATIC
          ports: [{number: %d, name: grpc, protocol: GRPC}]
          endpoints:
        %s""".formatted(NAMESPACE, HOST, PORT, endpoints);
  }

  /** The DestinationRule: a subset per backend selecting its {@code version} label, plus {@code trafficPolicy}. */
  static String destinationRule(List<Backend> backends, String trafficPolicy) {
    StringBuilder subsets = new StringBuilder();
    for (Backend b : backends) {
      subsets.append("- {name: ").append(b.name()).append(", labels: {version: ").append(b.name()).append("}}\n");
    }
    return destinationRule(subsets.toString(), trafficPolicy);
  }

  /** A DestinationRule for {@link #HOST}: {@code subsets} (a YAML list) and {@code trafficPolicy} (flow map or empty). */
  static String destinationRule(String subsets, String trafficPolicy) {
    return """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: echo, namespace: %s}
        spec:
          host: %s
        %s  subsets:
        %s""".formatted(NAMESPACE, HOST, trafficPolicy.isEmpty() ? "" : "  trafficPolicy: " + trafficPolicy + "\n",
        subsets.indent(2));
  }

  /** A VirtualService for {@link #HOST} whose {@code http} list is {@code http} (YAML, two-space indented items). */
  static String virtualService(String http) {
    return """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: echo, namespace: %s}
        spec:
          hosts: [%s]
          http:
        %s""".formatted(NAMESPACE, HOST, http.indent(2));
  }

  /** A route to subset {@code subset} of the echo service with {@code weight}, as a YAML flow map. */
  static String to(String subset, int weight) {
    return "{destination: {host: " + HOST + ", subset: " + subset + "}, weight: " + weight + "}";
  }

  /** A route to subset {@code subset}, as a YAML flow map. */
  static String to(String subset) {
    return "{destination: {host: " + HOST + ", subset: " + subset + "}}";
  }

  /** The snapshot of the service, one subset per backend and these extra documents (VirtualServices, say). */
  static MeshSnapshot snapshot(List<Backend> backends, String... documents) {
    return snapshotWithPolicy(backends, "", documents);
  }

  /** As {@link #snapshot}, with the DestinationRule's {@code trafficPolicy} (YAML flow map, empty for none). */
  static MeshSnapshot snapshotWithPolicy(List<Backend> backends, String trafficPolicy, String... documents) {
    List<String> all = new ArrayList<>(List.of(serviceEntry(backends), destinationRule(backends, trafficPolicy)));
    all.addAll(List.of(documents));
    return snapshotOf(all.toArray(String[]::new));
  }

  /** The snapshot of exactly these documents. */
  static MeshSnapshot snapshotOf(String... documents) {
    return MeshFixture.snapshot(String.join("---\n", documents));
  }
}
