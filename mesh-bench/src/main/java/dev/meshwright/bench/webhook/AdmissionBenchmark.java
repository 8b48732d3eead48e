package dev.meshwright.bench.webhook;

import dev.meshwright.inject.InjectionSettings;
import dev.meshwright.inject.webhook.AdmissionReviews;
import dev.meshwright.inject.webhook.PodMutator;
import dev.meshwright.inject.webhook.SidecarMutator;
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
 * The webhook's CPU work per request without the network: decode the AdmissionReview, run the policy gate and
 * the real injector behind the policy gate, encode the answer. {@link WebhookLoadGenerator} measures the same over HTTPS.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class AdmissionBenchmark {
  @Param({"typical", "env1500", "64k"})
  public String pod;

  private byte[] body;
  private final PodMutator mutator = SidecarMutator.gated(InjectionSettings.defaults());

  @Setup
  public void setUp() {
    body = BenchPods.review(switch (pod) {
      case "typical" -> BenchPods.typical();
      case "env1500" -> BenchPods.manyEnv();
      default -> BenchPods.ofSize(64 * 1024);
    }, "bench");
  }

  @Benchmark
  public byte[] answer() {
    return AdmissionReviews.answer(body, "/inject", mutator);
  }
}
