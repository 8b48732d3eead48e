package dev.meshwright.model.gateway;

import static dev.meshwright.model.gateway.GatewayApiFixtures.GATEWAY;
import static dev.meshwright.model.gateway.GatewayApiFixtures.status;
import static dev.meshwright.model.gateway.GatewayApiFixtures.translate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.networking.VirtualService;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatusAddress;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The conversion names every in-cluster service under the environment's domain suffix, never {@code cluster.local}. */
class DomainSuffixTest {
  private static final String ROUTE = """
      ---
      apiVersion: gateway.networking.k8s.io/v1beta1
      kind: HTTPRoute
      metadata: {name: r, namespace: default}
      spec:
        parentRefs: [{name: gw, namespace: istio-system}]
        hostnames: [a.example.com]
        rules:
        - backendRefs: [{name: a, port: 80}]
      """;

  @Test
  @DisplayName("under corp.example the gateway-service annotation, status addresses and route backends use corp.example")
  void nonDefaultSuffix() {
    GatewayApiResult r = translate(GATEWAY + ROUTE, "corp.example", List.of("1.2.3.4"));

    assertThat(r.gateways()).singleElement().satisfies(gw -> assertThat(gw.metadata().annotations())
        .containsEntry("internal.istio.io/gateway-service", "istio-ingressgateway.istio-system.svc.corp.example"));
    GatewayStatus st = (GatewayStatus) status(r, "Gateway", "gw").status();
    assertThat(st.getAddresses()).extracting(GatewayStatusAddress::getType, GatewayStatusAddress::getValue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("IPAddress", "1.2.3.4"));
    assertThat(r.config()).filteredOn(VirtualService.class::isInstance).singleElement().asString()
        .contains("a.default.svc.corp.example").doesNotContain("cluster.local");
  }

  @Test
  @DisplayName("a managed gateway (no addresses) is served by <name>-<class>.<ns>.svc.<suffix>")
  void managedGateway() {
    GatewayApiResult r = translate(GATEWAY.replace("  addresses: [{type: Hostname, value: istio-ingressgateway}]\n", ""),
        "corp.example", List.of());

    assertThat(r.gateways()).singleElement().satisfies(gw -> assertThat(gw.metadata().annotations())
        .containsEntry("internal.istio.io/gateway-service", "gw-istio.istio-system.svc.corp.example"));
  }
}
