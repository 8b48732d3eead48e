package dev.meshwright.bench.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.inject.InjectionSettings;
import dev.meshwright.inject.webhook.AdmissionOutcome;
import dev.meshwright.inject.webhook.PodMutator;
import dev.meshwright.inject.webhook.SidecarMutator;
import dev.meshwright.inject.webhook.SelfSignedCertificate;
import dev.meshwright.inject.webhook.WebhookOptions;
import dev.meshwright.inject.webhook.WebhookServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Open-loop load on the injection webhook over real HTTPS on loopback: requests are due on a fixed schedule
 * ({@code --rate} per second) whether or not earlier ones have returned, and each latency is measured from the
 * moment the request was due, so a stall shows up in the tail instead of slowing the load (no coordinated
 * omission). Three pods: typical, 1,500 env vars, 64 KB. The mutator is the real injector behind Istio's policy
 * ({@link SidecarMutator#gated}, Istio's defaults). {@code --connections} load threads each hold one keep-alive
 * TLS connection ({@link HttpsLoadClient}), so at most that many requests are in flight; a request that found
 * them all busy is still timed from when it was due. The CPU columns, which do not depend on what else the
 * machine runs, are the webhook threads' CPU time (event loops and acceptor) and this whole process's (load
 * threads, server, JIT and GC) per request.
 *
 * <p>Run: {@code java -cp mesh-bench/target/benchmarks.jar dev.meshwright.bench.webhook.WebhookLoadGenerator
 * [--rate 200] [--warmup 20] [--seconds 30] [--connections 16] [--pods typical,env,64k]
 * [--mutator injector|allow]}. Prints one Markdown table row per pod.
 */
public final class WebhookLoadGenerator {
  private WebhookLoadGenerator() {}

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new java.util.HashMap<>(Map.of("--rate", "200", "--warmup", "20", "--seconds", "30",
        "--connections", "16",
        "--pods", "typical,env,64k", "--mutator", "injector"));
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i], args[i + 1]);
    }
    int rate = Integer.parseInt(opts.get("--rate"));
    int warmup = Integer.parseInt(opts.get("--warmup"));
    int seconds = Integer.parseInt(opts.get("--seconds"));
    int connections = Integer.parseInt(opts.get("--connections"));

    Path dir = Files.createTempDirectory("webhook-bench");
    SelfSignedCertificate.Pem pem = SelfSignedCertificate.generate(List.of("localhost", "127.0.0.1"),
        SelfSignedCertificate.KeyType.EC_P256, Duration.ofDays(1), Clock.systemUTC());
    Path cert = Files.writeString(dir.resolve("cert.pem"), pem.certificatePem());
    Path key = Files.writeString(dir.resolve("key.pem"), pem.privateKeyPem());
    WebhookOptions options = WebhookOptions.of(cert, key).withHost("127.0.0.1").withPort(0);
    try (WebhookServer server = WebhookServer.start(options,
        mutator(opts.get("--mutator")))) {
      SSLContext tls = trusting(pem.certificatePem());
      System.out.printf("| pod | request bytes | requests | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms"
          + " | server CPU ms/req | process CPU ms/req |%n");
      System.out.printf("|---|---|---|---|---|---|---|---|---|---|---|%n");
      for (String name : opts.get("--pods").split(",")) {
        BenchPod pod = pod(name);
        byte[] body = BenchPods.review(pod.pod(), "bench");
        List<HttpsLoadClient> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
          clients.add(new HttpsLoadClient(tls, "localhost", server.port(), "/inject", body, "\"allowed\":true"));
        }
        // the warm-up opens the connections, so the measured run sees only keep-alive requests, as from the
        // API server's pooled client
        run(clients, rate, warmup);
        report(pod.label(), body.length, run(clients, rate, seconds));
        clients.forEach(HttpsLoadClient::close);
      }
    }
  }

  /** A pod to send and the name its table row gets. */
  private record BenchPod(String label, ObjectNode pod) {}

  private static BenchPod pod(String name) {
    return switch (name) {
      case "typical" -> new BenchPod("typical", BenchPods.typical());
      case "env" -> new BenchPod("1,500 env vars", BenchPods.manyEnv());
      case "64k" -> new BenchPod("64 KB", BenchPods.ofSize(64 * 1024));
      default -> throw new IllegalArgumentException("--pods: unknown pod " + name + " (typical, env, 64k)");
    };
  }

  /**
   * The webhook's mutator: {@code injector} (the real one) or {@code allow}, which admits every pod unchanged,
   * for the floor the transport and the AdmissionReview codec set on this machine.
   */
  private static PodMutator mutator(String name) {
    return switch (name) {
      case "injector" -> SidecarMutator.gated(InjectionSettings.defaults());
      case "allow" -> request -> AdmissionOutcome.allow();
      default -> throw new IllegalArgumentException("--mutator: unknown " + name + " (injector, allow)");
    };
  }

  /** The latencies of one run in microseconds, and how many requests failed. */
  private record Run(long[] micros, int errors, long cpuNanos, long serverCpuNanos) {}

  /**
   * Sends {@code rate} requests per second for {@code seconds} from {@code connections} load threads, each on its
   * own keep-alive connection: request {@code k} is due at {@code start + k / rate}; the next free thread takes
   * it, waits for that moment and sends it, and its latency counts from that moment, so a request that found
   * every connection busy is charged for the wait.
   */
  private static Run run(List<HttpsLoadClient> clients, int rate, int seconds) throws InterruptedException {
    AtomicInteger errors = new AtomicInteger();
    long cpuStart = processCpuNanos();
    long serverCpuStart = serverCpuNanos();
    int total = rate * seconds;
    long[] latencies = new long[total];
    long periodNanos = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000L;
    AtomicInteger issued = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (HttpsLoadClient client : clients) {
      Thread t = new Thread(() -> sendWhenDue(client, issued, total, start, periodNanos, latencies, errors),
          "load-" + threads.size());
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    return new Run(latencies, errors.get(), processCpuNanos() - cpuStart, serverCpuNanos() - serverCpuStart);
  }

  /** One load thread: takes the next request number, waits until it is due, sends it and records its latency. */
  private static void sendWhenDue(HttpsLoadClient client, AtomicInteger issued, int total, long start,
      long periodNanos, long[] latencies, AtomicInteger errors) {
    for (int k = issued.getAndIncrement(); k < total; k = issued.getAndIncrement()) {
      long due = start + k * periodNanos;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      String failure = null;
      try {
        HttpsLoadClient.Response r = client.send();
        if (r.status() != 200 || !r.matched()) {
          failure = "status " + r.status() + (r.matched() ? "" : ", not allowed");
        }
      } catch (IOException | RuntimeException e) {
        failure = e.toString();
      }
      latencies[k] = (System.nanoTime() - due) / 1_000;
      if (failure != null && errors.incrementAndGet() <= 3) {
        System.err.println("error: " + failure);
      }
    }
  }

  private static void report(String name, int bytes, Run run) {
    long[] sorted = run.micros().clone();
    Arrays.sort(sorted);
    int n = Math.max(1, sorted.length);
    System.out.printf("| %s | %,d | %,d | %d | %s | %s | %s | %s | %s | %.2f | %.2f |%n", name, bytes, sorted.length,
        run.errors(), ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 0.999), ms(sorted, 1.0),
        run.serverCpuNanos() / 1e6 / n, run.cpuNanos() / 1e6 / n);
  }

  private static String ms(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return "-";
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
    return String.format("%.2f", sorted[Math.max(0, index)] / 1000.0);
  }

  /** CPU time of the webhook's own threads (all named {@code meshwright-webhook...}): event loops and acceptor. */
  private static long serverCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("meshwright-webhook-")) {
        total += Math.max(0, threads.getThreadCpuTime(t.getId()));
      }
    }
    return total;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static SSLContext trusting(String certificatePem) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("webhook", CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
