package dev.meshwright.bench;

import dev.meshwright.api.yaml.Document;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.analysis.Analysis;
import dev.meshwright.model.analysis.AnalysisInput;
import dev.meshwright.model.analysis.AnalysisOptions;
import dev.meshwright.model.analysis.analyzers.Analyzers;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * A harness next to {@link AnalyzeBenchmark} for shared, overloaded hosts: it measures the CPU time of the
 * analyzing thread (not wall time) for the same synthetic mesh, after warm-up, and prints the median and best
 * of {@code runs} runs of {@code analyze} and of {@code build + analyze}. Usage:
 * {@code java -Xmx512m -cp mesh-bench/target/benchmarks.jar dev.meshwright.bench.AnalyzeCpuHarness [services] [runs]}.
 */
public final class AnalyzeCpuHarness {
  private AnalyzeCpuHarness() {}

  public static void main(String[] args) {
    int services = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    List<Document> docs = MeshYaml.read("bench", AnalysisMeshGenerator.yaml(services)).documents();
    AnalysisOptions options = AnalysisOptions.all(Clock.systemUTC());
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    AnalysisInput input = AnalyzeBenchmark.build(docs);
    long[] analyze = new long[runs];
    long[] full = new long[runs];
    for (int warm = 0; warm < 5; warm++) {
      Analysis.run(AnalyzeBenchmark.build(docs), Analyzers.all(), options);
    }
    int messages = 0;
    for (int i = 0; i < runs; i++) {
      long t = cpu.getCurrentThreadCpuTime();
      messages = Analysis.run(input, Analyzers.all(), options).size();
      analyze[i] = cpu.getCurrentThreadCpuTime() - t;
      t = cpu.getCurrentThreadCpuTime();
      Analysis.run(AnalyzeBenchmark.build(docs), Analyzers.all(), options);
      full[i] = cpu.getCurrentThreadCpuTime() - t;
    }
    Arrays.sort(analyze);
    Arrays.sort(full);
    System.out.printf("services=%d resources=%d messages=%d%n", services, docs.size(), messages);
    System.out.printf("analyze:        median %.1f ms CPU, best %.1f ms%n", analyze[runs / 2] / 1e6, analyze[0] / 1e6);
    System.out.printf("build+analyze:  median %.1f ms CPU, best %.1f ms%n", full[runs / 2] / 1e6, full[0] / 1e6);
    Runtime rt = Runtime.getRuntime();
    System.out.printf("heap: max %d MB, used after runs %d MB%n", rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
  }
}
