package dev.meshwright.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import dev.meshwright.model.analysis.AnalysisMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnalysisMeshGeneratorTest {
  @Test
  @DisplayName("the analysis benchmark mesh reads cleanly and has the issue's proportions and planted findings")
  void shape() {
    ReadResult read = MeshYaml.read("bench", AnalysisMeshGenerator.yaml(100));
    assertThat(read.diagnostics()).isEmpty();
    Map<String, Long> kinds = read.resources().stream().collect(Collectors.groupingBy(r -> r.kind(), Collectors.counting()));
    assertThat(kinds).containsEntry("Service", 100L).containsEntry("Pod", 500L).containsEntry("Namespace", 2L);
    long istio = kinds.entrySet().stream().filter(e -> !List.of("Service", "Pod", "Namespace").contains(e.getKey()))
        .mapToLong(Map.Entry::getValue).sum();
    assertThat(istio).isEqualTo(300);
    AnalyzeBenchmark bench = new AnalyzeBenchmark();
    bench.services = 100;
    bench.setUp();
    List<AnalysisMessage> messages = bench.analyze();
    assertThat(messages).extracting(AnalysisMessage::code).contains("IST0101");
    assertThat(messages).filteredOn(m -> m.code().equals("IST0101")).hasSize(10);
  }
}
