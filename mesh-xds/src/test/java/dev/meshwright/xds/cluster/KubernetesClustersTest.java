package dev.meshwright.xds.cluster;

import static dev.meshwright.xds.cluster.ClusterTestSupport.clusters;
import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KubernetesClustersTest {
  static final String YAML = """
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: apps}
      spec:
        clusterIP: 10.96.3.3
        selector: {app: web}
        ports: [{name: http-web, port: 80, targetPort: 8080}, {name: sniffed, port: 9000}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: stateful, namespace: apps}
      spec:
        clusterIP: None
        selector: {app: db}
        ports: [{name: tcp-db, port: 5432}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web-1, namespace: apps, labels: {app: web, security.istio.io/tlsMode: istio}}
      spec: {serviceAccountName: web}
      status: {podIP: 10.1.2.3, phase: Running, conditions: [{type: Ready, status: "True"}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: db-1, namespace: apps, labels: {app: db, security.istio.io/tlsMode: istio}}
      spec: {serviceAccountName: db}
      status: {podIP: 10.1.2.4, phase: Running, conditions: [{type: Ready, status: "True"}]}
      ---
      apiVersion: v1
      kind: Endpoints
      metadata: {name: stateful, namespace: apps}
      subsets:
      - addresses: [{ip: 10.1.2.4, targetRef: {kind: Pod, name: db-1, namespace: apps}}]
        ports: [{name: tcp-db, port: 5432}]
      """;

  @Test
  @DisplayName("Kubernetes services: ClusterIP is EDS named after the Service, a sniffed port keeps the downstream "
      + "protocol, headless is ORIGINAL_DST with plain mTLS when every endpoint has a sidecar")
  void kubernetes() throws Exception {
    Map<String, Cluster> all = clusters(ClusterTestSupport.sidecar(YAML, "apps"));
    Cluster web = all.get("outbound|80||web.apps.svc.corp.example");
    assertThat(web.getType()).isEqualTo(Cluster.DiscoveryType.EDS);
    assertThat(web.getMetadata()).isEqualTo(Clusters.servicesMetadata(java.util.List.of(
        Clusters.serviceMetadata("web.apps.svc.corp.example", "web", "apps"))));
    Cluster sniffed = all.get("outbound|9000||web.apps.svc.corp.example");
    assertThat(ClusterTestSupport.http(sniffed).hasUseDownstreamProtocolConfig()).isTrue();
    Cluster headless = all.get("outbound|5432||stateful.apps.svc.corp.example");
    assertThat(headless.getType()).isEqualTo(Cluster.DiscoveryType.ORIGINAL_DST);
    assertThat(headless.getLbPolicy()).isEqualTo(Cluster.LbPolicy.CLUSTER_PROVIDED);
    assertThat(headless.getTransportSocketMatchesCount()).isZero();
    assertThat(ClusterTestSupport.tls(headless).getSni()).isEqualTo("outbound_.5432_._.stateful.apps.svc.corp.example");
  }
}
