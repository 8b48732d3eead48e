package dev.meshwright.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.networking.ServiceEntry;
import dev.meshwright.api.security.PeerAuthentication;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EdsBenchConfigTest {
  private static final String BLOCK = """
      service_entries:
        count: 3
        name: svc-<s>
        namespace: team-a
        hosts: [svc-<s>.corp.example]
        ports:
        - {number: 8080, name: http-web, protocol: http}
        resolution: STATIC
      endpoints_per_service:
        count: 300
        address: 10.<s>.<e/256>.<e%256>
        labels: {app: svc-<s>}
        network: net-<e%3>
        service_account: sa
      peer_authentications:
      - {name: strict, namespace: team-a, mode: STRICT}
      - {name: sel, namespace: team-a, selector: {app: svc-1}, mode: DISABLE}
      """;

  @Test
  @DisplayName("placeholders evaluate integer expressions over s and e with precedence and parentheses")
  void placeholders() {
    assertThat(EdsBenchConfig.subst("111.<e/65536>.<(e/256)%256>.<e%256>", Map.of("e", 70000)))
        .isEqualTo("111.1.17.112");
    assertThat(EdsBenchConfig.subst("n-<s*2+1>-<(s+1)*2>", Map.of("s", 3))).isEqualTo("n-7-8");
    assertThatThrownBy(() -> EdsBenchConfig.subst("<x>", Map.of("s", 1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("the block becomes count ServiceEntries with per-service endpoints, and the PeerAuthentications, all readable")
  void generates() throws IOException {
    JsonNode block = NamedCorpus.YAML.readTree(BLOCK);
    ReadResult read = MeshYaml.read("gen", EdsBenchConfig.yaml(block));
    assertThat(read.hasErrors()).as(read.diagnostics().toString()).isFalse();
    assertThat(read.resources()).filteredOn(ServiceEntry.class::isInstance).hasSize(3)
        .allSatisfy(r -> assertThat(r.namespace()).isEqualTo("team-a"));
    ServiceEntry second = (ServiceEntry) read.resources().get(1);
    assertThat(second.name()).isEqualTo("svc-1");
    assertThat(second.spec().hosts()).containsExactly("svc-1.corp.example");
    assertThat(second.spec().endpoints()).hasSize(300);
    assertThat(second.spec().endpoints().get(299).address()).contains("10.1.1.43");
    assertThat(second.spec().endpoints().get(299).network()).contains("net-2");
    assertThat(read.resources()).filteredOn(PeerAuthentication.class::isInstance).hasSize(2);
    assertThat(EdsBenchConfig.watchedClusters(block)).containsExactly("outbound|8080||svc-0.corp.example",
        "outbound|8080||svc-1.corp.example", "outbound|8080||svc-2.corp.example");
  }
}
