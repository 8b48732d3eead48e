package dev.meshwright.bench.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.inject.InjectionSettings;
import dev.meshwright.inject.webhook.SidecarMutator;
import dev.meshwright.inject.webhook.SelfSignedCertificate;
import dev.meshwright.inject.webhook.WebhookOptions;
import dev.meshwright.inject.webhook.WebhookServer;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Open-loop load on the injection webhook over real HTTPS on loopback: requests leave on a fixed schedule
 * ({@code --rate} per second) whether or not earlier ones have returned, and each latency is measured from its
 * scheduled start, so a stall shows up in the tail instead of slowing the load (no coordinated omission). Three
 * pods: typical, 1,500 env vars, 64 KB. The mutator is the real injector behind Istio's policy ({@link SidecarMutator#gated}, Istio's defaults).
 * At most {@code --connections} requests are in flight (the JDK client opens one HTTP/1.1 connection per
 * concurrent request; unbounded, a slow moment turns into a storm of TLS handshakes); a request waiting for a
 * connection is still timed from its scheduled start. The CPU columns, which do not depend on what else the
 * machine runs, are the webhook threads' CPU time (workers and the JDK server's dispatcher) and this whole
 * process's (client, server, JIT and GC) per request.
 *
 * <p>Run: {@code java -cp mesh-bench/target/benchmarks.jar dev.meshwright.bench.webhook.WebhookLoadGenerator
 * [--rate 200] [--warmup 20] [--seconds 30] [--connections 16]}. Prints one Markdown table row per pod.
 */
public final class WebhookLoadGenerator {
  private WebhookLoadGenerator() {}

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new java.util.HashMap<>(Map.of("--rate", "200", "--warmup", "20", "--seconds", "30",
        "--connections", "16"));
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
        SidecarMutator.gated(InjectionSettings.defaults()))) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .sslContext(trusting(pem.certificatePem())).build();
      URI uri = URI.create("https://localhost:" + server.port() + "/inject");
      System.out.printf("| pod | request bytes | requests | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms"
          + " | server CPU ms/req | process CPU ms/req |%n");
      System.out.printf("|---|---|---|---|---|---|---|---|---|---|---|%n");
      for (Map.Entry<String, ObjectNode> pod : List.of(Map.entry("typical", BenchPods.typical()),
          Map.entry("1,500 env vars", BenchPods.manyEnv()), Map.entry("64 KB", BenchPods.ofSize(64 * 1024)))) {
        byte[] body = BenchPods.review(pod.getValue(), "bench");
        run(client, uri, body, rate, warmup, connections);
        report(pod.getKey(), body.length, run(client, uri, body, rate, seconds, connections));
      }
    }
  }

  /** The latencies of one run in microseconds, and how many requests failed. */
  private record Run(long[] micros, int errors, long cpuNanos, long serverCpuNanos) {}

  /** Sends {@code rate} requests per second for {@code seconds}. */
  private static Run run(HttpClient client, URI uri, byte[] body, int rate, int seconds, int connections)
      throws InterruptedException {
    AtomicInteger errors = new AtomicInteger();
    Semaphore inFlight = new Semaphore(connections);
    long cpuStart = processCpuNanos();
    long serverCpuStart = serverCpuNanos();
    int total = rate * seconds;
    long[] latencies = new long[total];
    AtomicInteger next = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(total);
    long periodNanos = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000L;
    AtomicLong issued = new AtomicLong();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ScheduledFuture<?> task = ticker.scheduleAtFixedRate(() -> {
      long now = System.nanoTime();
      // issue every request whose scheduled time has come (catches up after a late tick)
      while (issued.get() < total && start + issued.get() * periodNanos <= now) {
        long scheduled = start + issued.getAndIncrement() * periodNanos;
        inFlight.acquireUninterruptibly();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
          long micros = (System.nanoTime() - scheduled) / 1_000;
          if (e != null || r.statusCode() != 200 || !r.body().contains("\"allowed\":true")) {
            if (errors.incrementAndGet() <= 3) {
              System.err.println("error: " + (e != null ? e : r.statusCode() + " " + r.body()));
            }
          }
          latencies[next.getAndIncrement()] = micros;
          inFlight.release();
          done.countDown();
        });
      }
    }, 0, Math.max(1, periodNanos / 4), TimeUnit.NANOSECONDS);
    done.await(seconds + 60L, TimeUnit.SECONDS);
    task.cancel(false);
    ticker.shutdownNow();
    return new Run(Arrays.copyOf(latencies, next.get()), errors.get(), processCpuNanos() - cpuStart,
        serverCpuNanos() - serverCpuStart);
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

  /** CPU time of the webhook's own threads: its workers and the JDK server's dispatcher. */
  private static long serverCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("meshwright-webhook-") || t.getName().startsWith("HTTP-Dispatcher")) {
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
