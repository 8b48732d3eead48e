package dev.meshwright.xds.server;

import dev.meshwright.xds.TypeUrls;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The server's counters, written in Prometheus text format under istiod's metric names: {@code pilot_xds_pushes}
 * (responses sent, by type), {@code pilot_xds_push_time} (seconds per stream push, generation included),
 * {@code pilot_proxy_convergence_time} (seconds from a config change to the push that carries it),
 * {@code pilot_xds} (connected streams), {@code pilot_total_xds_rejects} (NACKs, by type),
 * {@code pilot_xds_expired_nonce} (stale nonces, by type) and {@code pilot_xds_push_context_errors} (failed
 * generations); and Meshwright's own: {@code meshwright_xds_pushes_skipped} (stream pushes skipped because the
 * change does not affect the proxy), {@code meshwright_xds_eds_only_pushes} (stream pushes limited to the changed
 * services' ClusterLoadAssignments), {@code meshwright_xds_full_generations} (full per-proxy generations),
 * {@code meshwright_xds_admission_wait_time} (seconds a new stream waited for admission),
 * {@code meshwright_xds_admission_limit} and {@code meshwright_xds_admission_waiting} (the adaptive limit and the
 * streams held by it), {@code meshwright_xds_admission_rejected} (streams refused past the waiting bound),
 * {@code meshwright_xds_send_budget_queued_bytes} and {@code meshwright_xds_send_budget_waiting} (the bytes streams
 * left queued in gRPC and the pushes waiting for them to drain, see {@code SendBudget}).
 * Thread-safe and lock-free on the hot path.
 */
public final class XdsMetrics {
  private static final double[] BUCKETS = {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 3, 5, 10, 20, 30};

  private final Map<String, LongAdder> pushes = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> rejects = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> expired = new ConcurrentHashMap<>();
  private final LongAdder generationFailures = new LongAdder();
  private final Histogram pushTime = new Histogram();
  private final Histogram convergence = new Histogram();
  private final AtomicLong fullPushes = new AtomicLong();
  private final LongAdder skipped = new LongAdder();
  private final LongAdder edsOnly = new LongAdder();
  private final LongAdder fullGenerations = new LongAdder();
  private final LongAdder admissionRejected = new LongAdder();
  private final Histogram admissionWait = new Histogram();
  private volatile IntSupplier connected = () -> 0;
  private volatile IntSupplier admissionLimit = () -> 0;
  private volatile IntSupplier admissionWaiting = () -> 0;
  private volatile LongSupplier sendQueued = () -> 0;
  private volatile IntSupplier sendWaiting = () -> 0;

  void connectedStreams(IntSupplier supplier) {
    connected = supplier;
  }

  void sendBudget(LongSupplier queued, IntSupplier waiting) {
    sendQueued = queued;
    sendWaiting = waiting;
  }

  void admission(IntSupplier limit, IntSupplier waiting) {
    admissionLimit = limit;
    admissionWaiting = waiting;
  }

  void pushSkipped() {
    skipped.increment();
  }

  void edsOnlyPush() {
    edsOnly.increment();
  }

  void fullGeneration() {
    fullGenerations.increment();
  }

  void admissionWait(long nanos) {
    admissionWait.observe(nanos / 1e9);
  }

  void admissionRejected() {
    admissionRejected.increment();
  }

  /** Stream pushes skipped because the change did not affect the proxy. */
  public long pushesSkipped() {
    return skipped.sum();
  }

  /** Stream pushes limited to the changed services' ClusterLoadAssignments. */
  public long edsOnlyPushes() {
    return edsOnly.sum();
  }

  /** Full per-proxy generations (initial syncs, subscription changes and affecting config changes). */
  public long fullGenerations() {
    return fullGenerations.sum();
  }

  void pushed(String typeUrl) {
    pushes.computeIfAbsent(label(typeUrl), k -> new LongAdder()).increment();
  }

  void nack(String typeUrl) {
    rejects.computeIfAbsent(label(typeUrl), k -> new LongAdder()).increment();
  }

  void staleNonce(String typeUrl) {
    expired.computeIfAbsent(label(typeUrl), k -> new LongAdder()).increment();
  }

  void generationFailed() {
    generationFailures.increment();
  }

  void pushTime(long nanos) {
    pushTime.observe(nanos / 1e9);
  }

  void convergence(long nanos) {
    convergence.observe(nanos / 1e9);
  }

  void snapshotPublished() {
    fullPushes.incrementAndGet();
  }

  /** Responses sent of one type ({@code cds}, {@code eds}, ...). */
  public long pushes(String typeUrl) {
    LongAdder a = pushes.get(label(typeUrl));
    return a == null ? 0 : a.sum();
  }

  /** NACKs received of one type. */
  public long rejects(String typeUrl) {
    LongAdder a = rejects.get(label(typeUrl));
    return a == null ? 0 : a.sum();
  }

  /** Every metric in Prometheus text exposition format 0.0.4. */
  public String prometheusText() {
    StringBuilder sb = new StringBuilder();
    counter(sb, "pilot_xds_pushes", "Pilot build and send errors for lds, rds, cds and eds.", pushes);
    counter(sb, "pilot_total_xds_rejects", "Total number of xDS responses from pilot rejected by proxy.", rejects);
    counter(sb, "pilot_xds_expired_nonce", "Total number of xDS requests with an expired nonce.", expired);
    sb.append("# HELP pilot_xds_push_context_errors Number of generations that failed.\n")
        .append("# TYPE pilot_xds_push_context_errors counter\n")
        .append("pilot_xds_push_context_errors ").append(generationFailures.sum()).append('\n');
    sb.append("# HELP pilot_xds Number of endpoints connected to this pilot using XDS.\n")
        .append("# TYPE pilot_xds gauge\n").append("pilot_xds ").append(connected.getAsInt()).append('\n');
    sb.append("# HELP pilot_push_triggers Number of times a push was triggered.\n")
        .append("# TYPE pilot_push_triggers counter\n")
        .append("pilot_push_triggers ").append(fullPushes.get()).append('\n');
    simple(sb, "meshwright_xds_pushes_skipped", "counter",
        "Stream pushes skipped because the change does not affect the proxy.", skipped.sum());
    simple(sb, "meshwright_xds_eds_only_pushes", "counter",
        "Stream pushes limited to the ClusterLoadAssignments of services whose endpoints changed.", edsOnly.sum());
    simple(sb, "meshwright_xds_full_generations", "counter", "Full per-proxy generations.", fullGenerations.sum());
    simple(sb, "meshwright_xds_admission_limit", "gauge", "Initial syncs admitted at once (adaptive).",
        admissionLimit.getAsInt());
    simple(sb, "meshwright_xds_admission_waiting", "gauge", "New streams waiting for admission.",
        admissionWaiting.getAsInt());
    simple(sb, "meshwright_xds_admission_rejected", "counter",
        "New streams refused with RESOURCE_EXHAUSTED because too many were waiting.", admissionRejected.sum());
    simple(sb, "meshwright_xds_send_budget_queued_bytes", "gauge",
        "Response bytes streams left queued in gRPC, waiting for their proxies to read.", sendQueued.getAsLong());
    simple(sb, "meshwright_xds_send_budget_waiting", "gauge", "Pushes waiting for queued bytes to drain.",
        sendWaiting.getAsInt());
    admissionWait.write(sb, "meshwright_xds_admission_wait_time", "Seconds a new stream waited for admission.");
    pushTime.write(sb, "pilot_xds_push_time", "Total time in seconds Pilot takes to push lds, rds, cds and eds.");
    convergence.write(sb, "pilot_proxy_convergence_time",
        "Delay in seconds between config change and a proxy receiving all required configuration.");
    return sb.toString();
  }

  private static void simple(StringBuilder sb, String name, String type, String help, long value) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    sb.append(name).append(' ').append(value).append('\n');
  }

  private static void counter(StringBuilder sb, String name, String help, Map<String, LongAdder> byType) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(" counter\n");
    new TreeMap<>(byType).forEach((t, v) ->
        sb.append(name).append("{type=\"").append(t).append("\"} ").append(v.sum()).append('\n'));
  }

  private static String label(String typeUrl) {
    String s = TypeUrls.shortName(typeUrl);
    return s.equals(typeUrl) ? typeUrl.substring(typeUrl.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
        : s.toLowerCase(Locale.ROOT);
  }

  /** A fixed-bucket histogram. */
  private static final class Histogram {
    private final LongAdder[] counts = new LongAdder[BUCKETS.length];
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new LongAdder();
      }
    }

    void observe(double seconds) {
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          counts[i].increment();
          break;
        }
      }
      count.increment();
      sum.add(seconds);
    }

    void write(StringBuilder sb, String name, String help) {
      sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
      sb.append("# TYPE ").append(name).append(" histogram\n");
      long cumulative = 0;
      for (int i = 0; i < BUCKETS.length; i++) {
        cumulative += counts[i].sum();
        sb.append(name).append("_bucket{le=\"").append(BUCKETS[i]).append("\"} ").append(cumulative).append('\n');
      }
      sb.append(name).append("_bucket{le=\"+Inf\"} ").append(count.sum()).append('\n');
      sb.append(name).append("_sum ").append(sum.sum()).append('\n');
      sb.append(name).append("_count ").append(count.sum()).append('\n');
    }
  }
}
