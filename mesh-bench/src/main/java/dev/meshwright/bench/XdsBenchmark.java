package dev.meshwright.bench;

import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.XdsCache;
import dev.meshwright.xds.XdsGenerator;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResources;
import dev.meshwright.xds.istiod.Istiod;
import java.util.Map;
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
 * xDS generation (issue #10): the full config (CDS, EDS, LDS, RDS) of one sidecar in the {@link MeshGenerator}
 * mesh of 1,000 services and 5,000 endpoints; of a sidecar whose Sidecar resource imports 10 services; and of an
 * ingress gateway with 1,000 hosts ({@link GatewayMeshGenerator}). The plain benchmarks generate afresh each time
 * (caching off: only the snapshot's indexes are shared); the {@code Shared} ones are a proxy identical to one
 * generated before, answered from the snapshot's {@code XdsCache}. Run with {@code -prof gc} for the allocation
 * per generated config.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class XdsBenchmark {
  @Param("1000")
  public int services;

  /** Generation itself: nothing is shared between calls but the snapshot's indexes. */
  private final XdsGenerator generator = Istiod.generator(XdsOptions.defaults()).withCaching(XdsCache.Caching.OFF);
  /** As istiod runs it: proxies with the same inputs share the snapshot's cached resources. */
  private final XdsGenerator shared = Istiod.generator(XdsOptions.defaults());
  private MeshSnapshot snapshot;
  private Proxy sidecar;
  private Proxy scoped;
  private Proxy gateway;

  @Setup
  public void setUp() {
    ConfigStore store = ConfigStore.builder().build();
    store.putAll("generated", MeshGenerator.resources(services, 5));
    store.putAll("gateway", MeshYaml.read("gateway", GatewayMeshGenerator.yaml(services)).resources());
    snapshot = MeshTranslator.create().translate(store.view(), MeshConfigs.defaults());
    sidecar = proxy("sidecar~" + MeshGenerator.podIp(1, 0) + "~svc-1-0.ns-1~ns-1.svc.cluster.local",
        Map.of("app", "svc-1", "version", "v1"));
    scoped = proxy("sidecar~10.200.0.1~client-0." + GatewayMeshGenerator.SCOPED_NS + "~"
        + GatewayMeshGenerator.SCOPED_NS + ".svc.cluster.local", Map.of("app", "client"));
    gateway = proxy("router~10.200.1.1~istio-ingressgateway-0.istio-system~istio-system.svc.cluster.local",
        Map.of("istio", "ingressgateway"));
  }

  private static Proxy proxy(String id, Map<String, String> labels) {
    return NodeIds.parse(id, Map.of("LABELS", labels, "ISTIO_VERSION", "1.22.8")).orThrow();
  }

  /** A sidecar that sees the whole mesh. */
  @Benchmark
  public XdsResources sidecarFullMesh() {
    return generator.generate(snapshot, sidecar);
  }

  /** A sidecar whose Sidecar resource imports 10 services. */
  @Benchmark
  public XdsResources sidecarScopedTo10() {
    return generator.generate(snapshot, scoped);
  }

  /** A sidecar identical to one generated before (same namespace, labels, scope): answered from the cache. */
  @Benchmark
  public XdsResources sidecarFullMeshShared() {
    return shared.generate(snapshot, sidecar);
  }

  /** The scoped sidecar, identical to one generated before. */
  @Benchmark
  public XdsResources sidecarScopedTo10Shared() {
    return shared.generate(snapshot, scoped);
  }

  /** An ingress gateway with one Gateway and VirtualService per service (1,000 hosts). */
  @Benchmark
  public XdsResources gateway1000Hosts() {
    return generator.generate(snapshot, gateway);
  }

  /** The gateway, identical to one generated before. */
  @Benchmark
  public XdsResources gateway1000HostsShared() {
    return shared.generate(snapshot, gateway);
  }
}
