package dev.meshwright.bench;

import dev.meshwright.api.MeshResource;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigEvent;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link SnapshotBenchmark} workload measured in CPU time of the building thread (plus the collector
 * time spent meanwhile), for a shared host where wall-clock JMH numbers mostly measure the other tenants.
 * Prints the median and best of {@code rounds} rounds after {@code warmup} rounds. Run with
 * {@code java -Xms2g -Xmx2g -cp mesh-bench/target/benchmarks.jar dev.meshwright.bench.SnapshotCpuHarness [warmup rounds]}.
 */
public final class SnapshotCpuHarness {
  private SnapshotCpuHarness() {}

  /** Runs the harness; arguments: warmup rounds (default 20), measured rounds (default 30). */
  public static void main(String[] args) {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ConfigStore store = ConfigStore.builder().build();
    store.putAll("generated", MeshGenerator.resources(1000, 5));
    MeshTranslator translator = MeshTranslator.create();
    MeshConfig mesh = MeshConfigs.defaults();
    List<MeshResource> changes = List.of(
        MeshYaml.read("c", MeshGenerator.virtualService(500, "svc-500", MeshGenerator.ns(500), "a")).resources().get(0),
        MeshYaml.read("c", MeshGenerator.virtualService(500, "svc-500", MeshGenerator.ns(500), "b")).resources().get(0));
    List<MeshResource> slices = List.of(
        MeshYaml.read("c", MeshGenerator.endpointSlice(500, 5, 0)).resources().get(0),
        MeshYaml.read("c", MeshGenerator.endpointSlice(500, 5, -1)).resources().get(0));
    MeshSnapshot current = translator.translate(store.view(), mesh);
    double[] full = new double[rounds];
    double[] incremental = new double[rounds];
    double[] endpoint = new double[rounds];
    for (int i = 0; i < warmup + rounds; i++) {
      long gc0 = gcMillis();
      long c0 = threads.getCurrentThreadCpuTime();
      MeshSnapshot built = translator.translate(store.view(), mesh);
      long c1 = threads.getCurrentThreadCpuTime();
      long gc1 = gcMillis();
      long inc = 0;
      long eps = 0;
      for (int j = 0; j < 20; j++) {
        long a = threads.getCurrentThreadCpuTime();
        current = update(translator, store, mesh, current, "change", changes.get(j & 1));
        long b = threads.getCurrentThreadCpuTime();
        current = update(translator, store, mesh, current, "generated", slices.get(j & 1));
        inc += b - a;
        eps += threads.getCurrentThreadCpuTime() - b;
      }
      if (i >= warmup) {
        full[i - warmup] = (c1 - c0) / 1e6 + (gc1 - gc0);
        incremental[i - warmup] = inc / 20 / 1e6;
        endpoint[i - warmup] = eps / 20 / 1e6;
      }
      if (built.registry().services().isEmpty()) {
        throw new IllegalStateException("empty snapshot");
      }
    }
    System.out.printf("full build:            median %.1f ms, best %.1f ms (thread CPU + GC)%n", median(full), min(full));
    System.out.printf("one VirtualService:    median %.2f ms, best %.2f ms (thread CPU)%n", median(incremental),
        min(incremental));
    System.out.printf("one EndpointSlice:     median %.2f ms, best %.2f ms (thread CPU)%n", median(endpoint),
        min(endpoint));
  }

  /** Puts {@code change} into the store (as {@code source}) and updates {@code current} from its events. */
  private static MeshSnapshot update(MeshTranslator translator, ConfigStore store, MeshConfig mesh,
      MeshSnapshot current, String source, MeshResource change) {
    List<ConfigEvent> events = store.put(source, change);
    return translator.update(current, store.view(), mesh, events);
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(0);
  }
}
