package dev.meshwright.bench;

import dev.meshwright.api.MeshResource;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigEvent;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
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
 * Mesh snapshot build (issue #3): 1,000 services, 5,000 endpoints (Pods behind EndpointSlices) and 3,000
 * Istio resources ({@link MeshGenerator}). {@code fullBuild} validates every Istio resource, builds the
 * registry and every index from scratch; {@code oneVirtualServiceChange} puts a changed VirtualService into
 * the store and updates the previous snapshot from the store's events (what a control plane does per edit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SnapshotBenchmark {
  @Param("1000")
  public int services;

  @Param("5")
  public int endpointsPerService;

  private final MeshTranslator translator = MeshTranslator.create();
  private final MeshConfig mesh = MeshConfigs.defaults();
  private ConfigStore store;
  private MeshSnapshot current;
  private List<MeshResource> changes;
  private List<MeshResource> slices;
  private int flip;

  @Setup
  public void setUp() {
    store = ConfigStore.builder().build();
    store.putAll("generated", MeshGenerator.resources(services, endpointsPerService));
    current = translator.translate(store.view(), mesh);
    String svc = "svc-" + (services / 2);
    String ns = MeshGenerator.ns(services / 2);
    changes = List.of(read(MeshGenerator.virtualService(services / 2, svc, ns, "a")),
        read(MeshGenerator.virtualService(services / 2, svc, ns, "b")));
    slices = List.of(read(MeshGenerator.endpointSlice(services / 2, endpointsPerService, 0)),
        read(MeshGenerator.endpointSlice(services / 2, endpointsPerService, -1)));
  }

  private static MeshResource read(String yaml) {
    return MeshYaml.read("change", yaml).resources().get(0);
  }

  @Benchmark
  public MeshSnapshot fullBuild() {
    return translator.translate(store.view(), mesh);
  }

  @Benchmark
  public MeshSnapshot oneVirtualServiceChange() {
    List<ConfigEvent> events = store.put("change", changes.get(flip++ & 1));
    current = translator.update(current, store.view(), mesh, events);
    return current;
  }

  /** One endpoint of one service turns not ready and back: the registry is rebuilt, the Istio indexes are reused. */
  @Benchmark
  public MeshSnapshot oneEndpointSliceChange() {
    List<ConfigEvent> events = store.put("generated", slices.get(flip++ & 1));
    current = translator.update(current, store.view(), mesh, events);
    return current;
  }
}
