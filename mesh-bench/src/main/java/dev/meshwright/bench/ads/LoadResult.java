package dev.meshwright.bench.ads;

import dev.meshwright.bench.ads.LoadStreams.Protocol;
import java.util.Arrays;
import java.util.Locale;

/**
 * One server × protocol run: how many streams synced and how long the last took, the fan-out latencies of the
 * measured endpoint changes (publish call start → the stream received the new ClusterLoadAssignment, over every
 * stream of every measured round), how long the publish call blocked, and the heap when asked for. Immutable.
 *
 * @param syncCpuMs this process's CPU time (server and load streams) during the initial sync
 * @param changeCpuMs this process's CPU time per measured change, from the publish call until every stream had it
 * @param serverCpuMs the same for the server's threads alone (every thread but the load streams' and the JIT's)
 * @param heapMb used heap after a full GC once synced, minus the same before the streams opened; -1 when not asked
 */
record LoadResult(String server, Protocol protocol, int streams, int clusters, int synced, double syncMs,
    double syncCpuMs, int updates, int missed, double[] fanoutMs, double[] publishMs, double[] changeCpuMs,
    double[] serverCpuMs, int errors, double heapMb) {

  /** The {@code q} quantile (0..1) of sorted {@code values}; NaN when empty. */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static String header() {
    return "| server | ADS | streams × clusters | synced | initial sync ms (CPU ms) | fan-out p50 / p99 / max ms (n) "
        + "| publish p50 / max ms | CPU ms per change (p50) | server CPU ms per change (p50) | heap MB | errors |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|";
  }

  /** One Markdown table row. */
  String row() {
    double[] f = fanoutMs.clone();
    Arrays.sort(f);
    double[] p = publishMs.clone();
    Arrays.sort(p);
    double[] c = changeCpuMs.clone();
    Arrays.sort(c);
    double[] sc = serverCpuMs.clone();
    Arrays.sort(sc);
    return String.format(Locale.ROOT,
        "| %s | %s | %,d × %,d | %,d | %.0f (%.0f) | %.2f / %.2f / %.2f (%,d%s) | %.3f / %.3f | %.0f | %.1f | %s | %d |",
        server, protocol == Protocol.DELTA ? "Delta" : "SotW", streams, clusters, synced, syncMs, syncCpuMs,
        quantile(f, 0.5), quantile(f, 0.99), f.length == 0 ? Double.NaN : f[f.length - 1], updates,
        missed > 0 ? ", " + missed + " missed" : "", quantile(p, 0.5), p.length == 0 ? Double.NaN : p[p.length - 1],
        quantile(c, 0.5), quantile(sc, 0.5), heapMb < 0 ? "–" : String.format(Locale.ROOT, "%.0f", heapMb), errors);
  }
}
