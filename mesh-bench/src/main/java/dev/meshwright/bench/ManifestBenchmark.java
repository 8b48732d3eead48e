package dev.meshwright.bench;

import dev.meshwright.install.InstallInputs;
import dev.meshwright.install.InstallSpec;
import dev.meshwright.install.render.ClusterFacts;
import dev.meshwright.install.render.Manifest;
import dev.meshwright.install.render.ManifestRenderer;
import dev.meshwright.install.render.ManifestYaml;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code manifest generate} of the default profile in-process (issue #4: under 300 ms warm): assembling the
 * install inputs (profile overlay, typed IstioOperator), rendering every object, and writing the YAML text
 * meshctl prints. {@link #render} isolates the renderer on an already assembled spec.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ManifestBenchmark {
  private InstallSpec spec;

  @Setup
  public void setUp() {
    spec = InstallInputs.of().assemble().spec().orElseThrow();
  }

  /** Inputs → spec → objects → YAML text, what {@code meshctl manifest generate} does after reading files. */
  @Benchmark
  public String generateDefault() {
    InstallSpec assembled = InstallInputs.of().assemble().spec().orElseThrow();
    Manifest m = ManifestRenderer.render(assembled, ClusterFacts.NONE).manifest().orElseThrow();
    return ManifestYaml.write(m);
  }

  /** The renderer alone on an assembled spec. */
  @Benchmark
  public Manifest render() {
    return ManifestRenderer.render(spec, ClusterFacts.NONE).manifest().orElseThrow();
  }
}
