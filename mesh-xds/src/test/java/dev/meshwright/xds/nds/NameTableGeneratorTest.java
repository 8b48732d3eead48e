package dev.meshwright.xds.nds;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DynamicMessage;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.MeshFixture;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.XdsResource;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NameTableGeneratorTest {
  private static final String CONFIG = """
      apiVersion: v1
      kind: Service
      metadata: {name: billing, namespace: payments}
      spec:
        clusterIP: 10.96.4.7
        ports: [{name: http, port: 8080}]
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: partner, namespace: payments}
      spec:
        hosts: [api.partner.example]
        addresses: [240.0.0.9]
        ports: [{number: 443, name: tls, protocol: TLS}]
        resolution: DNS
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: cidr, namespace: payments}
      spec:
        hosts: [range.partner.example]
        addresses: [192.168.0.0/16]
        ports: [{number: 443, name: tls, protocol: TLS}]
        resolution: NONE
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: db, namespace: payments}
      spec:
        hosts: [db.payments.internal]
        ports: [{number: 5432, name: tcp, protocol: TCP}]
        resolution: NONE
      """;

  private static Map<String, Object> table(MeshSnapshot s, String type) throws Exception {
    ResourceGenerator.Output out = new NameTableGenerator().generate(
        MeshFixture.context(s, MeshFixture.proxy(type, "10.0.0.5", "payments", Map.of(), Map.of("NETWORK", "near"))),
        Set.of());
    if (out.resources().isEmpty()) {
      return Map.of();
    }
    XdsResource r = out.resources().get(0);
    assertThat(r.typeUrl()).isEqualTo(NameTables.TYPE_URL);
    DynamicMessage parsed = DynamicMessage.parseFrom(NameTables.descriptor(), r.any().getValue());
    String json = com.google.protobuf.util.JsonFormat.printer().usingTypeRegistry(com.google.protobuf.util.JsonFormat.TypeRegistry
        .newBuilder().add(NameTables.descriptor()).build()).print(parsed);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) new com.fasterxml.jackson.databind.ObjectMapper()
        .readValue(json, Map.class).get("table");
    return m;
  }

  @Test
  @DisplayName("a sidecar's table maps each visible service's VIP and names Kubernetes services; no IP, no entry")
  void sidecar() throws Exception {
    MeshSnapshot s = MeshFixture.snapshot(CONFIG);
    Map<String, Object> t = table(s, "sidecar");
    // no VIP and no endpoint addresses (db), or a CIDR instead of an IP (range): nothing to resolve to
    assertThat(t).containsOnlyKeys("billing.payments.svc.corp.example", "api.partner.example");
    assertThat(t.get("billing.payments.svc.corp.example")).isEqualTo(Map.of("ips", java.util.List.of("10.96.4.7"),
        "registry", "Kubernetes", "shortname", "billing", "namespace", "payments"));
    assertThat(t.get("api.partner.example")).isEqualTo(Map.of("ips", java.util.List.of("240.0.0.9"),
        "registry", "External"));
  }

  @Test
  @DisplayName("routers get no name table")
  void router() throws Exception {
    assertThat(table(MeshFixture.snapshot(CONFIG), "router")).isEmpty();
  }
}
