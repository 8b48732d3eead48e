package dev.meshwright.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.MeshResource;
import dev.meshwright.api.validation.Protocol;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServiceRegistryTest {
  static ServiceRegistry registry(String yaml) {
    return ServiceRegistry.build(ConfigView.of(MeshYaml.read("t.yaml", yaml).resources()), RegistryOptions.defaults());
  }

  static final String KUBE = """
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, namespace: bookinfo, annotations: {networking.istio.io/exportTo: ".,other"}}
      spec:
        clusterIP: 10.0.0.7
        selector: {app: reviews}
        ports:
        - {name: http-api, port: 9080, targetPort: 8080}
        - {name: metrics, port: 9090, appProtocol: grpc}
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata: {name: reviews-abc, namespace: bookinfo, labels: {kubernetes.io/service-name: reviews}}
      addressType: IPv4
      ports: [{name: http-api, port: 8080}, {name: metrics, port: 9090}]
      endpoints:
      - addresses: [10.1.0.5]
        conditions: {ready: true}
        targetRef: {kind: Pod, name: reviews-v1, namespace: bookinfo}
      - addresses: [10.1.0.6]
        conditions: {ready: false}
        targetRef: {kind: Pod, name: gone, namespace: bookinfo}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: reviews-v1
        namespace: bookinfo
        labels: {app: reviews, version: v1, security.istio.io/tlsMode: istio}
      spec: {serviceAccountName: bookinfo-reviews, nodeName: n1}
      status: {podIP: 10.1.0.5}
      ---
      apiVersion: v1
      kind: Node
      metadata:
        name: n1
        labels: {topology.kubernetes.io/region: us-east1, topology.kubernetes.io/zone: us-east1-b}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: db, namespace: bookinfo}
      spec: {clusterIP: None, ports: [{name: mysql, port: 3306}]}
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata: {name: orphan, namespace: bookinfo, labels: {kubernetes.io/service-name: missing}}
      addressType: IPv4
      endpoints: [{addresses: [10.9.9.9]}]
      """;

  @Test
  @DisplayName("a Kubernetes Service becomes name.ns.svc.cluster.local with Istio's port protocols and exportTo")
  void kubernetesService() {
    ServiceRegistry r = registry(KUBE);
    MeshService reviews = r.service("reviews.bookinfo.svc.cluster.local", "bookinfo").orElseThrow();
    assertThat(reviews.addresses()).containsExactly("10.0.0.7");
    assertThat(reviews.ports()).containsExactly(
        new ServicePort("http-api", 9080, 8080, Protocol.HTTP), new ServicePort("metrics", 9090, 0, Protocol.GRPC));
    assertThat(reviews.exportTo()).containsExactlyInAnyOrder(".", "other");
    assertThat(reviews.visibleTo("bookinfo", Set.of("*"))).isTrue();
    assertThat(reviews.visibleTo("other", Set.of("*"))).isTrue();
    assertThat(reviews.visibleTo("third", Set.of("*"))).isFalse();
    MeshService db = r.service("db.bookinfo.svc.cluster.local", "bookinfo").orElseThrow();
    assertThat(db.resolution()).isEqualTo(MeshService.Resolution.PASSTHROUGH);
    assertThat(db.ports().get(0).protocol()).isEqualTo(Protocol.MYSQL);
    assertThat(r.services()).extracting(MeshService::hostname)
        .containsExactly("db.bookinfo.svc.cluster.local", "reviews.bookinfo.svc.cluster.local");
  }

  @Test
  @DisplayName("EndpointSlices and Pods give endpoints with labels, locality, identity, TLS mode and health")
  void kubernetesEndpoints() {
    ServiceRegistry r = registry(KUBE);
    assertThat(r.endpoints("reviews.bookinfo.svc.cluster.local")).satisfiesExactly(
        e -> {
          assertThat(e.address()).isEqualTo("10.1.0.5");
          assertThat(e.ports()).containsEntry("http-api", 8080).containsEntry("metrics", 9090);
          assertThat(e.labels()).containsEntry("version", "v1")
              .containsEntry("topology.kubernetes.io/zone", "us-east1-b")
              .containsEntry("topology.istio.io/cluster", "Kubernetes");
          assertThat(e.locality()).isEqualTo("us-east1/us-east1-b/");
          assertThat(e.serviceAccount()).isEqualTo("spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews");
          assertThat(e.tlsMode()).isEqualTo("istio");
          assertThat(e.health()).isEqualTo(Endpoint.Health.HEALTHY);
          assertThat(e.workload()).isEqualTo("Pod bookinfo/reviews-v1");
        },
        e -> {
          assertThat(e.address()).isEqualTo("10.1.0.6");
          assertThat(e.health()).isEqualTo(Endpoint.Health.UNHEALTHY);
          assertThat(e.tlsMode()).isEqualTo("disabled");
          assertThat(e.workload()).isEmpty();
        });
    assertThat(r.endpointCount()).isEqualTo(2);
    assertThat(r.workloads()).extracting(Workload::id).containsExactly("Pod bookinfo/reviews-v1");
  }

  static final String ENTRIES = """
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: external, namespace: edge}
      spec:
        hosts: [api.example.com, www.example.com]
        ports: [{number: 443, name: https, protocol: TLS}]
        resolution: DNS
        exportTo: ["."]
      ---
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: vms, namespace: edge}
      spec:
        hosts: [vm.internal]
        location: MESH_INTERNAL
        ports: [{number: 80, name: http, targetPort: 8080}]
        resolution: STATIC
        workloadSelector: {labels: {app: vm}}
      ---
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: inline, namespace: edge}
      spec:
        hosts: [db.example.com]
        ports: [{number: 5432, name: tcp}]
        resolution: STATIC
        endpoints:
        - {address: 1.2.3.4, ports: {tcp: 6543}, locality: eu/west, weight: 3}
      ---
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: passthrough, namespace: edge}
      spec: {hosts: ["*.wild.com"], ports: [{number: 80, name: http}], resolution: NONE}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: vm-1, namespace: edge}
      spec: {address: 10.5.0.1, labels: {app: vm}, serviceAccount: vm-sa}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: vm-2, namespace: other}
      spec: {address: 10.5.0.2, labels: {app: vm}}
      """;

  @Test
  @DisplayName("ServiceEntries: one service per host, NONE/STATIC/DNS resolution, inline and selected endpoints")
  void serviceEntries() {
    ServiceRegistry r = registry(ENTRIES);
    MeshService api = r.service("api.example.com", "edge").orElseThrow();
    assertThat(api.resolution()).isEqualTo(MeshService.Resolution.DNS);
    assertThat(api.location()).isEqualTo(MeshService.Location.MESH_EXTERNAL);
    assertThat(api.addresses()).containsExactly("0.0.0.0");
    assertThat(api.visibleTo("other", Set.of("*"))).isFalse();
    assertThat(r.endpoints("api.example.com")).singleElement()
        .satisfies(e -> assertThat(e.address()).isEqualTo("api.example.com"));
    assertThat(r.endpoints("www.example.com")).hasSize(1);

    assertThat(r.endpoints("vm.internal")).singleElement().satisfies(e -> {
      assertThat(e.address()).isEqualTo("10.5.0.1");
      assertThat(e.ports()).containsEntry("http", 8080);
      assertThat(e.serviceAccount()).isEqualTo("spiffe://cluster.local/ns/edge/sa/vm-sa");
      assertThat(e.tlsMode()).isEqualTo("istio");
      assertThat(e.workload()).isEqualTo("WorkloadEntry edge/vm-1");
    });
    assertThat(r.service("vm.internal", "edge").orElseThrow().location()).isEqualTo(MeshService.Location.MESH_INTERNAL);

    assertThat(r.endpoints("db.example.com")).singleElement().satisfies(e -> {
      assertThat(e.ports()).containsEntry("tcp", 6543);
      assertThat(e.weight()).isEqualTo(3);
      assertThat(e.locality()).isEqualTo("eu/west");
      assertThat(e.tlsMode()).isEqualTo("disabled");
    });
    assertThat(r.service("*.wild.com", "edge").orElseThrow().resolution()).isEqualTo(MeshService.Resolution.PASSTHROUGH);
    assertThat(r.endpoints("*.wild.com")).isEmpty();
    assertThat(r.workloads()).extracting(Workload::id)
        .containsExactly("WorkloadEntry edge/vm-1", "WorkloadEntry other/vm-2");
  }

  @Test
  @DisplayName("a Kubernetes Service with a selector also selects WorkloadEntries of its namespace")
  void serviceSelectsWorkloadEntries() {
    ServiceRegistry r = registry(ENTRIES + """
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: vm, namespace: edge}
        spec: {clusterIP: 10.0.0.9, selector: {app: vm}, ports: [{name: http, port: 80, targetPort: 9000}]}
        """);
    assertThat(r.endpoints("vm.edge.svc.cluster.local")).singleElement().satisfies(e -> {
      assertThat(e.address()).isEqualTo("10.5.0.1");
      assertThat(e.ports()).containsEntry("http", 9000);
    });
  }

  @Test
  @DisplayName("a Service without EndpointSlices takes its endpoints from a v1 Endpoints object; slices win when both exist")
  void legacyEndpoints() {
    ServiceRegistry r = registry(KUBE + """
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: details, namespace: bookinfo}
        spec: {clusterIP: 10.0.0.8, ports: [{name: http, port: 9080}]}
        ---
        apiVersion: v1
        kind: Endpoints
        metadata: {name: details, namespace: bookinfo}
        subsets:
        - addresses: [{ip: 10.2.0.1}]
          notReadyAddresses: [{ip: 10.2.0.2}]
          ports: [{name: http, port: 9080}]
        ---
        apiVersion: v1
        kind: Endpoints
        metadata: {name: reviews, namespace: bookinfo}
        subsets: [{addresses: [{ip: 10.9.9.9}], ports: [{name: http-api, port: 8080}]}]
        """);
    assertThat(r.endpoints("details.bookinfo.svc.cluster.local")).extracting(Endpoint::address, Endpoint::health)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("10.2.0.1", Endpoint.Health.HEALTHY),
            org.assertj.core.groups.Tuple.tuple("10.2.0.2", Endpoint.Health.UNHEALTHY));
    assertThat(r.endpoints("details.bookinfo.svc.cluster.local").get(0).ports()).containsEntry("http", 9080);
    assertThat(r.endpoints("reviews.bookinfo.svc.cluster.local")).extracting(Endpoint::address)
        .containsExactly("10.1.0.5", "10.1.0.6");
  }

  @Test
  @DisplayName("bad Service ports become diagnostics, not exceptions")
  void badInput() {
    ServiceRegistry r = registry("""
        apiVersion: v1
        kind: Service
        metadata: {name: broken, namespace: ns}
        spec: {ports: [{name: http}, "not a port"]}
        """);
    assertThat(r.services()).singleElement().satisfies(s -> assertThat(s.ports()).isEmpty());
    assertThat(r.diagnostics()).extracting(d -> d.path()).containsExactly("spec.ports[0].port", "spec.ports[1].port");
  }

  @Test
  @DisplayName("a registry built from the one before shares the services and endpoint lists that did not change")
  void sharesUnchangedParts() {
    String other = """
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: ratings, namespace: bookinfo}
        spec: {clusterIP: 10.0.0.9, ports: [{name: http, port: 9080}]}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: ratings-1, namespace: bookinfo, labels: {kubernetes.io/service-name: ratings}}
        addressType: IPv4
        ports: [{name: http, port: 9080}]
        endpoints:
        - addresses: [10.1.0.20]
          conditions: {ready: true}
        """;
    ServiceRegistry before = registry(KUBE + other);
    ServiceRegistry after = ServiceRegistry.build(ConfigView.of(MeshYaml.read("t.yaml",
        KUBE + other.replace("10.1.0.20", "10.1.0.21")).resources()), RegistryOptions.defaults(), before);

    String reviews = "reviews.bookinfo.svc.cluster.local";
    String ratings = "ratings.bookinfo.svc.cluster.local";
    assertThat(after.services(reviews).get(0)).isSameAs(before.services(reviews).get(0));
    assertThat(after.endpoints(reviews)).isSameAs(before.endpoints(reviews));
    assertThat(after.services(ratings).get(0)).isSameAs(before.services(ratings).get(0));
    assertThat(after.endpoints(ratings)).isNotSameAs(before.endpoints(ratings))
        .extracting(Endpoint::address).containsExactly("10.1.0.21");
    assertThat(after.services()).isEqualTo(registry(KUBE + other.replace("10.1.0.20", "10.1.0.21")).services());
  }

  @Test
  @DisplayName("a rebuild reuses what unchanged objects converted to, and follows every Pod, Node and Service a slice read")
  void rebuildFollowsWhatSlicesRead() {
    List<MeshResource> resources = new ArrayList<>(MeshYaml.read("t.yaml", KUBE).resources());
    ServiceRegistry first = ServiceRegistry.build(ConfigView.of(resources), RegistryOptions.defaults());
    String reviews = "reviews.bookinfo.svc.cluster.local";

    // nothing changed: everything is the same instance, sorted lists included
    ServiceRegistry same = rebuild(resources, first);
    assertThat(same.endpoints(reviews)).isSameAs(first.endpoints(reviews));
    assertThat(same.workloads()).isSameAs(first.workloads());

    // the Pod's labels change: the slice's endpoint follows, although the slice itself is the same object
    replace(resources, "Pod", "reviews-v1", KUBE_POD.replace("version: v1", "version: v9"));
    ServiceRegistry pod = rebuild(resources, same);
    assertThat(pod.endpoints(reviews)).filteredOn(e -> e.address().equals("10.1.0.5"))
        .singleElement().satisfies(e -> assertThat(e.labels()).containsEntry("version", "v9"));
    assertThat(pod.workloads()).isNotSameAs(same.workloads());

    // the Node's zone changes: the locality follows
    replace(resources, "Node", "n1", KUBE_NODE.replace("us-east1-b", "us-east1-c"));
    ServiceRegistry node = rebuild(resources, pod);
    assertThat(node.endpoints(reviews)).filteredOn(e -> e.address().equals("10.1.0.5"))
        .singleElement().satisfies(e -> assertThat(e.locality()).isEqualTo("us-east1/us-east1-c/"));

    // the Service drops a port: the endpoints' ports follow
    replace(resources, "Service", "reviews", KUBE.substring(0, KUBE.indexOf("---")).replace(
        "- {name: metrics, port: 9090, appProtocol: grpc}\n", ""));
    ServiceRegistry service = rebuild(resources, node);
    assertThat(service.endpoints(reviews)).allSatisfy(e -> assertThat(e.ports()).containsOnlyKeys("http-api"));

    // another trust domain: nothing is reused, service accounts follow
    RegistryOptions other = new RegistryOptions("cluster.local", "corp.example", RegistryOptions.defaults().clusterId());
    ServiceRegistry domain = ServiceRegistry.build(ConfigView.of(resources), other, service);
    assertThat(domain.endpoints(reviews)).filteredOn(e -> e.address().equals("10.1.0.5"))
        .singleElement().satisfies(e -> assertThat(e.serviceAccount()).startsWith("spiffe://corp.example/"));
    assertThat(domain.endpoints(reviews)).isEqualTo(
        ServiceRegistry.build(ConfigView.of(resources), other).endpoints(reviews));
  }

  private static final String KUBE_POD = document(KUBE, "\nkind: Pod\n");
  private static final String KUBE_NODE = document(KUBE, "\nkind: Node\n");

  /** The YAML document of {@code yaml} that contains {@code line}. */
  private static String document(String yaml, String line) {
    return java.util.Arrays.stream(yaml.split("---\n")).filter(d -> d.contains(line)).findFirst().orElseThrow();
  }

  /** Rebuilds over {@code previous} and checks the result equals a build from scratch. */
  private static ServiceRegistry rebuild(List<MeshResource> resources, ServiceRegistry previous) {
    ServiceRegistry incremental = ServiceRegistry.build(ConfigView.of(resources), RegistryOptions.defaults(), previous);
    ServiceRegistry full = ServiceRegistry.build(ConfigView.of(resources), RegistryOptions.defaults());
    assertThat(incremental.services()).isEqualTo(full.services());
    assertThat(incremental.workloads()).isEqualTo(full.workloads());
    for (MeshService s : full.services()) {
      assertThat(incremental.endpoints(s.hostname())).as(s.hostname()).isEqualTo(full.endpoints(s.hostname()));
    }
    return incremental;
  }

  private static void replace(List<MeshResource> resources, String kind, String name, String yaml) {
    MeshResource next = MeshYaml.read("t.yaml", yaml).resources().get(0);
    for (int i = 0; i < resources.size(); i++) {
      if (resources.get(i).kind().equals(kind) && resources.get(i).name().equals(name)) {
        resources.set(i, next);
        return;
      }
    }
    throw new AssertionError("no " + kind + " " + name);
  }
}
