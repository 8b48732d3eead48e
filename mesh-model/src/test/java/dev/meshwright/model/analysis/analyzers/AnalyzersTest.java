package dev.meshwright.model.analysis.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.Document;
import dev.meshwright.model.analysis.Analysis;
import dev.meshwright.model.analysis.AnalysisInput;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisOptions;
import dev.meshwright.model.analysis.Analyzer;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnalyzersTest {
  private static List<String> run(Analyzer analyzer, String yaml) {
    AnalysisInput.Builder b = AnalysisInput.builder().addDefaultResources();
    for (Document d : MeshYaml.read("t.yaml", yaml).documents()) {
      b.add(d.resource(), "t.yaml", d.line());
    }
    return Analysis.run(b.build(), List.of(analyzer), AnalysisOptions.all(Clock.systemUTC())).stream()
        .map(AnalysisMessage::format).toList();
  }

  @Test
  @DisplayName("the registry holds Istio's 32 analyzers plus one schema analyzer per Istio kind, names unique")
  void registry() {
    List<Analyzer> all = Analyzers.all();
    Set<String> names = new HashSet<>();
    all.forEach(a -> names.add(a.metadata().name()));
    assertThat(names).hasSize(all.size());
    assertThat(names).contains("virtualservice.GatewayAnalyzer", "schema.ValidationAnalyzer.VirtualService",
        "services.MultiClusterServiceAnalyzer", "annotations.K8sAnalyzer");
    assertThat(all.stream().filter(a -> !a.metadata().name().startsWith("schema."))).hasSize(32);
    assertThat(Analyzers.byName("annotations.AlphaAnalyzer")).isPresent();
    assertThat(names).doesNotContain("annotations.AlphaAnalyzer");
  }

  @Test
  @DisplayName("a missing gateway is reported as not found and as not serving the host; a dangling host too")
  void virtualServiceReferences() {
    String yaml = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: vs, namespace: default}
        spec:
          hosts: [reviews]
          gateways: [missing]
          http:
          - route:
            - destination: {host: nowhere}
        """;
    assertThat(run(new VirtualServiceGatewayAnalyzer(), yaml)).containsExactly(
        "Error [IST0101] (VirtualService default/vs t.yaml:1) Referenced gateway not found: \"missing\"",
        "Warning [IST0132] (VirtualService default/vs t.yaml:1) one or more host [reviews] defined in "
            + "VirtualService default/vs not found in Gateway default/missing.");
    assertThat(run(new DestinationHostAnalyzer(), yaml)).containsExactly(
        "Error [IST0101] (VirtualService default/vs t.yaml:1) Referenced host not found: \"nowhere\"");
  }

  @Test
  @DisplayName("service port names without a protocol prefix are reported, well-known ports are not")
  void portNames() {
    String yaml = """
        apiVersion: v1
        kind: Service
        metadata: {name: s, namespace: default}
        spec:
          ports:
          - {name: foo, port: 8080, targetPort: 9090}
          - {name: http-web, port: 80}
          - {name: db, port: 3306}
        """;
    assertThat(run(new PortNameAnalyzer(), yaml)).containsExactly(
        "Info [IST0118] (Service default/s t.yaml:1) Port name foo (port: 8080, targetPort: 9090) doesn't follow "
            + "the naming convention of Istio port.");
  }

  @Test
  @DisplayName("a gateway port the ingress service does not expose is a warning; an unmatched selector an error")
  void gatewayPorts() {
    String yaml = """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: default}
        spec:
          selector: {istio: ingressgateway}
          servers:
          - port: {number: 8004, name: http, protocol: HTTP}
            hosts: ["*"]
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: lost, namespace: default}
        spec:
          selector: {app: none}
          servers:
          - port: {number: 80, name: http, protocol: HTTP}
            hosts: ["*"]
        """;
    assertThat(run(new IngressGatewayPortAnalyzer(), yaml)).containsExactly(
        "Error [IST0101] (Gateway default/lost t.yaml:10) Referenced selector not found: \"app=none\"",
        "Warning [IST0162] (Gateway default/gw t.yaml:1) The gateway is listening on a target port (port 8004) that "
            + "is not defined in the Service associated with its workload instances (Pod selector "
            + "istio=ingressgateway). If you need to access the gateway port through the gateway Service, it will "
            + "not be available.");
  }
}
