package dev.meshwright.bench;

import dev.meshwright.api.MeshResource;
import dev.meshwright.api.yaml.Document;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import dev.meshwright.model.analysis.Analysis;
import dev.meshwright.model.analysis.AnalysisInput;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisOptions;
import dev.meshwright.model.analysis.analyzers.Analyzers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code istioctl analyze} over a synthetic mesh (issue #3: 1,000 Services, 5,000 Pods, 3,000 Istio resources)
 * with every default analyzer, in a 512 MB heap. {@link #analyze} runs the analyzers over a built input;
 * {@link #loadAndAnalyze} also builds the input (namespace defaulting, proto-JSON trees) from parsed resources.
 * YAML parsing is measured by {@link CodecBenchmark} and left out here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class AnalyzeBenchmark {
  @Param("1000")
  public int services;

  private List<Document> documents;
  private AnalysisInput input;
  private final AnalysisOptions options = AnalysisOptions.all(Clock.systemUTC());

  @Setup
  public void setUp() {
    ReadResult read = MeshYaml.read("bench", AnalysisMeshGenerator.yaml(services));
    if (read.hasErrors()) {
      throw new IllegalStateException("benchmark input does not read: " + read.diagnostics().subList(0, 1));
    }
    documents = new ArrayList<>(read.documents());
    input = build(documents);
  }

  static AnalysisInput build(List<Document> documents) {
    AnalysisInput.Builder b = AnalysisInput.builder().defaultNamespace("default").addDefaultResources();
    for (Document d : documents) {
      MeshResource r = d.resource();
      b.add(r, d.source(), d.line());
    }
    return b.build();
  }

  /** Every default analyzer over the prepared input; returns the messages. */
  @Benchmark
  public List<AnalysisMessage> analyze() {
    return Analysis.run(input, Analyzers.all(), options);
  }

  /** Building the input from parsed resources, then analyzing it. */
  @Benchmark
  public List<AnalysisMessage> loadAndAnalyze() {
    return Analysis.run(build(documents), Analyzers.all(), options);
  }
}
