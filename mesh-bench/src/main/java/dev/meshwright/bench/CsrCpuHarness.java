package dev.meshwright.bench;

import dev.meshwright.xds.ca.KeyAlgorithm;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The {@link CsrBenchmark} work measured in CPU time of the signing thread, for a shared host where wall-clock
 * throughput mostly measures the other tenants: {@code warmup} signings, then {@code count} timed ones, for each
 * key algorithm. Prints signings per CPU-second of one core. Run with
 * {@code java -cp mesh-bench/target/benchmarks.jar dev.meshwright.bench.CsrCpuHarness [warmup count]}.
 */
public final class CsrCpuHarness {
  private CsrCpuHarness() {}

  /** Runs the harness; arguments: warm-up signings (default 3,000), measured signings (default 2,000). */
  public static void main(String[] args) throws Exception {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
      CsrBenchmark bench = new CsrBenchmark();
      bench.algorithm = algorithm;
      bench.setUp();
      for (int i = 0; i < warmup; i++) {
        bench.sign();
      }
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < count; i++) {
        bench.sign();
      }
      double cpuS = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
      double wallS = (System.nanoTime() - t0) / 1e9;
      System.out.printf("%-9s %,d signings: %.3f ms CPU each, %,.0f per CPU-second (wall %.1f s)%n", algorithm,
          count, cpuS * 1000 / count, count / cpuS, wallS);
    }
  }
}
