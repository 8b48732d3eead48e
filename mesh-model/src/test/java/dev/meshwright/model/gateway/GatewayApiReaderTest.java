package dev.meshwright.model.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.Diagnostic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GatewayApiReaderTest {
  @Test
  @DisplayName("objects of every served version bind to the v1 model; the given apiVersion is kept")
  void bindsOlderVersions() {
    GatewayApiReader r = new GatewayApiReader().add("in.yaml", """
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TCPRoute
        metadata: {name: t, namespace: ns}
        spec: {rules: [{backendRefs: [{name: a, port: 9}]}]}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: s}
        """);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.resources().tcpRoutes()).singleElement()
        .satisfies(t -> assertThat(t.getApiVersion()).isEqualTo("gateway.networking.k8s.io/v1alpha2"));
    assertThat(r.others()).extracting(g -> g.kind()).containsExactly("Secret");
    assertThat(r.namespaces()).containsExactlyInAnyOrder("ns", "default");
  }

  @Test
  @DisplayName("fabric8 objects of older versions added directly are converted to their v1 class")
  void convertsTypedOlderVersions() {
    var route = new io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRouteBuilder()
        .withNewMetadata().withName("t").withNamespace("ns").endMetadata()
        .withNewSpec().addNewParentRef().withName("gw").endParentRef().endSpec()
        .build();
    GatewayApiResources.Builder b = GatewayApiResources.builder();
    assertThat(b.add(route)).isTrue();
    assertThat(b.add(new io.fabric8.kubernetes.api.model.ConfigMap())).isFalse();
    assertThat(b.build().tcpRoutes()).singleElement().satisfies(t -> {
      assertThat(t.getApiVersion()).isEqualTo("gateway.networking.k8s.io/v1alpha2");
      assertThat(t.getSpec().getParentRefs().get(0).getName()).isEqualTo("gw");
    });
  }

  @Test
  @DisplayName("a field of the wrong type is an error naming file, line, resource and field path")
  void bindingErrorNamesTheField() {
    GatewayApiReader r = new GatewayApiReader().add("bad.yaml", """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: g, namespace: ns}
        spec:
          gatewayClassName: istio
          listeners: [{name: l, port: [1], protocol: HTTP}]
        """);
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.isError()).isTrue();
      assertThat(d.path()).isEqualTo("spec.listeners[0].port");
      assertThat(d.format()).startsWith("error: bad.yaml:1: Gateway ns/g: spec.listeners[0].port: ");
    });
    assertThat(r.resources().gateways()).isEmpty();
    assertThat(r.diagnostics()).allMatch(Diagnostic::isError);
  }
}
