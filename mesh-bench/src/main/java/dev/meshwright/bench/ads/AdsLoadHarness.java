package dev.meshwright.bench.ads;

import dev.meshwright.bench.ads.LoadStreams.Protocol;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * ADS load (issue #11): for each server (Meshwright's {@code AdsServer} at each debounce, java-control-plane) and
 * each protocol, starts the server on loopback with {@link BenchConfig}, opens the streams ({@link LoadStreams}),
 * times the initial sync, then changes one endpoint per round and times the publish call and every stream's
 * receipt of the change. Prints a Markdown table. Run with
 * {@code java -Xmx2g -cp mesh-bench/target/benchmarks.jar dev.meshwright.bench.ads.AdsLoadHarness --streams 1000
 * --clusters 1000} (options: {@link LoadOptions}). The streams run in this JVM ({@link LocalLoad}), or with
 * {@code --load-jvm} in a load-generator JVM of their own ({@link ChildLoad}), so that this process's CPU time and heap
 * are the server's alone; either way client and server share the machine's cores.
 */
public final class AdsLoadHarness {
  private AdsLoadHarness() {}

  /** Runs the harness and prints the results. */
  public static void main(String[] args) throws InterruptedException {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.printf("%d streams × %d clusters, %d channels, %d + %d rounds, JVM %s, %d CPUs, max heap %d MB, "
        + "load streams %s%n", options.streams(), options.clusters(), options.channels(), options.warmupRounds(),
        options.rounds(), System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, options.loadJvm() ? "in a JVM of their own" : "in this JVM");
    List<LoadResult> results = run(options, r -> System.out.println(r.row()));
    System.out.println();
    System.out.println(LoadResult.header());
    results.forEach(r -> System.out.println(r.row()));
  }

  /** Runs every server × protocol of {@code options}, handing each result to {@code sink} as it is done. */
  static List<LoadResult> run(LoadOptions options, java.util.function.Consumer<LoadResult> sink)
      throws InterruptedException {
    try (LoadClient load = options.loadJvm() ? new ChildLoad(List.of("-Xmx" + (options.streams() > 2000 ? 2048 : 1024)
        + "m")) : new LocalLoad()) {
      if (options.streams() > 50) {
        // the JIT's first compilations would otherwise land in the first server's initial sync
        LoadOptions warm = new LoadOptions(50, options.clusters(), options.servers(), options.protocols(),
            options.debounceMs(), 2, 0, 1, options.timeoutSeconds(), false, false, options.loadJvm());
        runAll(warm, load, r -> { });
      }
      return runAll(options, load, sink);
    }
  }

  private static List<LoadResult> runAll(LoadOptions options, LoadClient load,
      java.util.function.Consumer<LoadResult> sink) throws InterruptedException {
    BenchConfig config = BenchConfig.of(options.clusters());
    List<LoadResult> out = new ArrayList<>();
    for (String server : options.servers()) {
      List<Integer> debounces = server.equals("jcp") ? List.of(0) : options.debounceMs();
      for (int debounce : debounces) {
        for (Protocol protocol : options.protocols()) {
          try (AdsTarget target = server.equals("jcp") ? new JcpTarget(config)
              : new MeshwrightTarget(config, Duration.ofMillis(debounce))) {
            LoadResult r = runOne(target, config, protocol, options, load);
            out.add(r);
            sink.accept(r);
          }
        }
      }
    }
    return out;
  }

  private static LoadResult runOne(AdsTarget target, BenchConfig config, Protocol protocol, LoadOptions o,
      LoadClient load) throws InterruptedException {
    int errors = -1;
    try {
      double before = o.heap() ? usedHeapMb() : 0;
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      long[] syncTimes = load.sync(target.port(), protocol, o.streams(), o.channels(), config.size(),
          o.timeoutSeconds());
      int synced = 0;
      long last = start;
      for (long t : syncTimes) {
        if (t != 0) {
          synced++;
          last = Math.max(last, t);
        }
      }
      double syncMs = (last - start) / 1e6;
      double syncCpuMs = (processCpuNanos() - cpuStart) / 1e6;
      double heap = o.heap() ? usedHeapMb() - before : -1;
      Thread.sleep(500);
      List<Double> fanout = new ArrayList<>();
      List<Double> publish = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      List<Double> serverCpu = new ArrayList<>();
      int missed = 0;
      BenchConfig current = config;
      for (int round = 0; round < o.warmupRounds() + o.rounds(); round++) {
        int index = (round * 37) % config.size();
        current = current.changed(index, round);
        Runnable publishCall = target.prepare(current, index);
        load.expect(current.endpointBytes(index));
        long c0 = processCpuNanos();
        long s0 = serverThreadsCpuNanos();
        long gc0 = gcMillis();
        long t0 = System.nanoTime();
        publishCall.run();
        long t1 = System.nanoTime();
        long[] updateTimes = load.awaitUpdated(o.timeoutSeconds());
        long c1 = processCpuNanos();
        long s1 = serverThreadsCpuNanos();
        if (round < o.warmupRounds()) {
          Thread.sleep(200);
          continue;
        }
        publish.add((t1 - t0) / 1e6);
        cpu.add((c1 - c0) / 1e6);
        serverCpu.add((s1 - s0) / 1e6);
        double[] times = new double[o.streams()];
        int received = 0;
        for (long t : updateTimes) {
          if (t == 0) {
            missed++;
          } else {
            times[received++] = (t - t0) / 1e6;
            fanout.add((t - t0) / 1e6);
          }
        }
        if (o.perRound()) {
          double[] r = java.util.Arrays.copyOf(times, received);
          java.util.Arrays.sort(r);
          System.out.printf("round %d: first %.1f p50 %.1f last %.1f ms, CPU %.0f ms, GC %d ms%n", round,
              r.length > 0 ? r[0] : -1, r.length > 0 ? r[r.length / 2] : -1, r.length > 0 ? r[r.length - 1] : -1,
              (c1 - c0) / 1e6, gcMillis() - gc0);
        }
        Thread.sleep(200);
      }
      errors = load.closeStreams();
      return new LoadResult(target.name(), protocol, o.streams(), config.size(), synced, syncMs, syncCpuMs,
          fanout.size(), missed, array(fanout), array(publish), array(cpu), array(serverCpu), errors, heap);
    } finally {
      if (errors < 0) {
        load.closeStreams();
      }
    }
  }

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Collection time so far, all collectors (pauses and concurrent work as the JVM reports it). */
  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
  }

  /**
   * CPU time of this JVM's threads except the load streams' and the JIT's: the server's event loops, executors and
   * push threads, and the harness's main thread (where java-control-plane's {@code setSnapshot} does its sending).
   * Threads that ended meanwhile are not counted; GC threads are not Java threads.
   */
  private static long serverThreadsCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t == null || t.getThreadName().startsWith(LoadStreams.THREAD_PREFIX)
          || t.getThreadName().contains("CompilerThread")) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(t.getThreadId());
      total += Math.max(0, cpu);
    }
    return total;
  }

  /** CPU time of this whole process (server, load streams, JIT, GC). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Heap in use after full collections, in MB. */
  private static double usedHeapMb() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }
}
