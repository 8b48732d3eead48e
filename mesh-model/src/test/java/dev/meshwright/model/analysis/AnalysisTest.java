package dev.meshwright.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.GenericResource;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.ObjectMeta;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnalysisTest {
  private static final Clock CLOCK = Clock.systemUTC();

  /** Reports IST0144 twice on every Pod, once more pointing at a scalar field and once at an absent one. */
  private static final Analyzer UID_TWICE = new Analyzer() {
    @Override
    public AnalyzerMetadata metadata() {
      return AnalyzerMetadata.of("test.Twice", "reports each pod twice", Kinds.POD);
    }

    @Override
    public void analyze(AnalysisContext ctx) {
      for (AnalysisResource pod : ctx.resources(Kinds.POD)) {
        ctx.report(Messages.INVALID_APPLICATION_UID, pod);
        ctx.report(Messages.INVALID_APPLICATION_UID, pod);
        ctx.report(AnalysisMessage.of(Messages.INVALID_APPLICATION_UID, pod.ref()).at("metadata.name"));
        ctx.report(AnalysisMessage.of(Messages.INVALID_APPLICATION_UID, pod.ref()).at("spec.nothing"));
      }
    }
  };

  private static MeshResource pod(String name, String namespace, Map<String, String> annotations) {
    ObjectMeta.Builder meta = ObjectMeta.builder().name(name).putAllAnnotations(annotations);
    if (!namespace.isEmpty()) {
      meta.namespace(namespace);
    }
    return new GenericResource("v1", "Pod", meta.build(), Map.of("spec", Map.of()));
  }

  @Test
  @DisplayName("identical messages collapse; one pointing at a different scalar field survives, as in Istio")
  void dedup() {
    AnalysisInput input = AnalysisInput.builder().add(pod("a", "ns", Map.of()), "f.yaml", 1).build();
    List<AnalysisMessage> out = Analysis.run(input, List.of(UID_TWICE), AnalysisOptions.all(CLOCK));
    assertThat(out).hasSize(2);
    assertThat(out).extracting(AnalysisMessage::originName).containsOnly("Pod ns/a");
  }

  @Test
  @DisplayName("the suppress annotation, -S globs and the namespace filter drop messages")
  void filters() {
    AnalysisInput input = AnalysisInput.builder()
        .add(pod("quiet", "ns", Map.of(Analysis.SUPPRESS_ANNOTATION, "IST0101,IST0144")), "", 0)
        .add(pod("all", "ns", Map.of(Analysis.SUPPRESS_ANNOTATION, "*")), "", 0)
        .add(pod("loud", "ns", Map.of()), "", 0)
        .add(pod("other", "elsewhere", Map.of()), "", 0)
        .add(pod("globbed", "ns2", Map.of()), "", 0)
        .build();
    AnalysisOptions options = AnalysisOptions.all(CLOCK)
        .withSuppressions(List.of(Suppression.parse("IST0144=Pod ns2/*")));
    assertThat(Analysis.run(input, List.of(UID_TWICE), options))
        .extracting(AnalysisMessage::originName).containsOnly("Pod ns/loud", "Pod elsewhere/other");
    assertThat(Analysis.run(input, List.of(UID_TWICE), options.inNamespace("ns")))
        .extracting(AnalysisMessage::originName).containsOnly("Pod ns/loud");
  }

  @Test
  @DisplayName("loading drops ignored namespaces, clears cluster-scoped namespaces, defaults the rest, later wins")
  void loading() {
    MeshResource ns = new GenericResource("v1", "Namespace", ObjectMeta.of("team", "bogus"), Map.of());
    AnalysisInput input = AnalysisInput.builder().defaultNamespace("default")
        .add(pod("sys", "kube-system", Map.of()), "", 0)
        .add(pod("bare", "", Map.of()), "a.yaml", 1)
        .add(pod("bare", "", Map.of("x", "1")), "b.yaml", 4)
        .add(ns, "", 0)
        .addDefaultResources()
        .build();
    assertThat(input.resources()).extracting(r -> r.ref().friendlyName()).containsExactly(
        "Namespace team", "Pod default/bare", "Pod istio-system/istio-ingressgateway-dummypod",
        "Service istio-system/istio-ingressgateway");
    assertThat(input.find(Kinds.POD, "default", "bare").orElseThrow().ref().reference(0)).isEqualTo("b.yaml:4");
  }

  @Test
  @DisplayName("suppression values need exactly one '='")
  void badSuppression() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Suppression.parse("IST0101"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid suppression value");
    assertThat(Suppression.globMatches("Pod *.default", "Pod a.default")).isTrue();
    assertThat(Suppression.globMatches("Pod *.default", "Pod a.other")).isFalse();
  }
}
