package dev.meshwright.bench.ads;

import dev.meshwright.bench.ads.LoadStreams.Protocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The harness's command line as a value. {@code --streams N} (1,000), {@code --clusters N} (1,000; two endpoints
 * each), {@code --servers meshwright,jcp}, {@code --protocols sotw,delta}, {@code --debounce-ms 0[,100]}
 * (Meshwright's debounce; java-control-plane has none), {@code --rounds N} endpoint changes after
 * {@code --warmup-rounds N} unmeasured ones, {@code --channels N} HTTP/2 connections (streams / 50), {@code
 * --timeout-s N} per phase, {@code --heap} to report the heap after a full GC once the streams are synced,
 * {@code --per-round} to print each round's first, median and last arrival with its CPU and GC time,
 * {@code --load-jvm} to run the load streams in a JVM of their own.
 */
record LoadOptions(int streams, int clusters, List<String> servers, List<Protocol> protocols, List<Integer> debounceMs,
    int rounds, int warmupRounds, int channels, int timeoutSeconds, boolean heap,
    boolean perRound, boolean loadJvm) {

  /** Parses {@code args}; throws {@link IllegalArgumentException} naming a bad option. */
  static LoadOptions parse(String... args) {
    int streams = 1000;
    int clusters = 1000;
    List<String> servers = List.of("meshwright", "jcp");
    List<Protocol> protocols = List.of(Protocol.DELTA, Protocol.SOTW);
    List<Integer> debounce = List.of(0);
    int rounds = 10;
    int warmup = 3;
    int channels = -1;
    int timeout = 300;
    boolean heap = false;
    boolean perRound = false;
    boolean loadJvm = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--heap")) {
        heap = true;
        continue;
      }
      if (a.equals("--per-round")) {
        perRound = true;
        continue;
      }
      if (a.equals("--load-jvm")) {
        loadJvm = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value");
      }
      String v = args[++i];
      switch (a) {
        case "--streams" -> streams = positive(a, v);
        case "--clusters" -> clusters = positive(a, v);
        case "--servers" -> servers = names(a, v, List.of("meshwright", "jcp"));
        case "--protocols" -> protocols =
            names(a, v, List.of("sotw", "delta")).stream().map(p -> Protocol.valueOf(p.toUpperCase(Locale.ROOT))).toList();
        case "--debounce-ms" -> debounce = Arrays.stream(v.split(",")).map(s -> nonNegative(a, s)).toList();
        case "--rounds" -> rounds = positive(a, v);
        case "--warmup-rounds" -> warmup = nonNegative(a, v);
        case "--channels" -> channels = positive(a, v);
        case "--timeout-s" -> timeout = positive(a, v);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return new LoadOptions(streams, clusters, servers, protocols, debounce, rounds, warmup,
        channels > 0 ? channels : Math.max(1, (streams + 49) / 50), timeout, heap, perRound, loadJvm);
  }

  private static List<String> names(String option, String value, List<String> allowed) {
    List<String> out = new ArrayList<>();
    for (String s : value.split(",")) {
      if (!allowed.contains(s)) {
        throw new IllegalArgumentException(option + ": " + s + " is not one of " + allowed);
      }
      out.add(s);
    }
    return out;
  }

  private static int positive(String option, String value) {
    int n = nonNegative(option, value);
    if (n == 0) {
      throw new IllegalArgumentException(option + " must be positive");
    }
    return n;
  }

  private static int nonNegative(String option, String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 0) {
        throw new IllegalArgumentException(option + " must not be negative: " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a number, not " + value, e);
    }
  }
}
