package dev.meshwright.cli;

import static dev.meshwright.cli.MeshctlValidateTest.meshctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.cli.MeshctlValidateTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshctlSnapshotTest {
  @TempDir Path dir;

  private static final String CONFIG = """
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, namespace: bookinfo}
      spec: {clusterIP: 10.0.0.7, selector: {app: reviews}, ports: [{name: http, port: 9080}]}
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata: {name: reviews-1, namespace: bookinfo, labels: {kubernetes.io/service-name: reviews}}
      addressType: IPv4
      ports: [{name: http, port: 9080}]
      endpoints: [{addresses: [10.1.0.5], targetRef: {kind: Pod, name: reviews-v1, namespace: bookinfo}}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: reviews-v1, namespace: bookinfo, labels: {app: reviews, version: v1}}
      spec: {serviceAccountName: reviews}
      status: {podIP: 10.1.0.5}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: reviews, namespace: bookinfo}
      spec:
        hosts: [reviews]
        http: [{route: [{destination: {host: reviews, subset: v1}}]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: reviews, namespace: bookinfo}
      spec: {host: reviews, subsets: [{name: v1, labels: {version: v1}}]}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: istio, namespace: istio-system}
      data:
        mesh: |
          rootNamespace: mesh-root
      """;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  @DisplayName("x snapshot --config DIR prints services, endpoints, routing and workloads as YAML; mesh config from the istio ConfigMap")
  void printsSnapshot() throws IOException {
    write("mesh.yaml", CONFIG);
    Run r = meshctl("", "x", "snapshot", "--config", dir.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("destinationRules:\n").contains("\nversion: 1\n", "\nrootNamespace: mesh-root\n",
            "hostname: reviews.bookinfo.svc.cluster.local", "address: 10.1.0.5",
            "serviceAccount: spiffe://cluster.local/ns/bookinfo/sa/reviews", "protocol: HTTP",
            "byHost:\n    reviews.bookinfo.svc.cluster.local:\n      - bookinfo/reviews",
            "- from:\n            - bookinfo/reviews\n", "name: v1", "workload: Pod bookinfo/reviews-v1");
  }

  @Test
  @DisplayName("a broken file and an invalid resource are reported with a non-zero exit; the rest is still printed")
  void badInput() throws IOException {
    write("mesh.yaml", CONFIG);
    write("broken.yaml", "kind: [unclosed\n");
    write("invalid.yaml", """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: bad, namespace: bookinfo}
        spec: {hosts: [ratings], http: [{route: [{destination: {host: ratings}, weight: -1}]}]}
        """);
    Run r = meshctl("", "x", "snapshot", "--config", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("broken.yaml", "VirtualService bookinfo/bad", "left out of the mesh snapshot");
    assertThat(r.out()).contains("hostname: reviews.bookinfo.svc.cluster.local").doesNotContain("bookinfo/bad\n");
  }

  @Test
  @DisplayName("a missing directory is an error naming it")
  void missingDirectory() {
    Run r = meshctl("", "x", "snapshot", "--config", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("nope", "not a directory");
  }
}
