package dev.meshwright.xds.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link AdsServer} listens and pushes. Immutable; {@link #defaults()} are istiod's (port 15010, debounce
 * 100 ms quiet / 10 s max as {@code PILOT_DEBOUNCE_AFTER}/{@code PILOT_DEBOUNCE_MAX}).
 *
 * @param host the address to bind ({@code 0.0.0.0} for every interface, {@code 127.0.0.1} for loopback)
 * @param port the port, 0 for an ephemeral one
 * @param debounceAfter the quiet period before a change is pushed (0 pushes at once)
 * @param debounceMax the longest a change waits while others keep arriving
 * @param pushThreads how many streams are generated for and sent to at once
 * @param serverId the ID this server gives itself (responses' control plane identifier, the ISTIOD column)
 * @param admission how new streams' initial syncs are admitted
 * @param sendBudgetBytes the most response bytes all streams together may leave queued in gRPC waiting for their
 *     proxies to read (grpc-java buffers a response in full); pushes past it wait until some drain
 */
public record AdsOptions(String host, int port, Duration debounceAfter, Duration debounceMax, int pushThreads,
    String serverId, AdmissionOptions admission, long sendBudgetBytes) {
  public AdsOptions {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    Objects.requireNonNull(debounceAfter, "debounceAfter");
    Objects.requireNonNull(debounceMax, "debounceMax");
    if (pushThreads < 1) {
      throw new IllegalArgumentException("pushThreads must be at least 1");
    }
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(admission, "admission");
    if (sendBudgetBytes < 1) {
      throw new IllegalArgumentException("sendBudgetBytes must be positive, got " + sendBudgetBytes);
    }
  }

  /**
   * istiod's defaults on every interface; the send budget is an eighth of the maximum heap, at most 256 MB (gRPC's
   * direct buffers are limited to the heap's size by default).
   */
  public static AdsOptions defaults() {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    long budget = Math.min(256L << 20, Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 8));
    return new AdsOptions("0.0.0.0", 15010, Duration.ofMillis(100), Duration.ofSeconds(10), threads, "meshwright",
        AdmissionOptions.forPushThreads(threads), budget);
  }

  /** Loopback on an ephemeral port, no debounce: for tests and in-process embedding. */
  public static AdsOptions loopback() {
    return defaults().withHost("127.0.0.1").withPort(0).withDebounce(Duration.ZERO, Duration.ZERO);
  }

  /** These options on another host. */
  public AdsOptions withHost(String value) {
    return new AdsOptions(value, port, debounceAfter, debounceMax, pushThreads, serverId, admission, sendBudgetBytes);
  }

  /** These options on another port. */
  public AdsOptions withPort(int value) {
    return new AdsOptions(host, value, debounceAfter, debounceMax, pushThreads, serverId, admission, sendBudgetBytes);
  }

  /** These options with another debounce. */
  public AdsOptions withDebounce(Duration after, Duration max) {
    return new AdsOptions(host, port, after, max, pushThreads, serverId, admission, sendBudgetBytes);
  }

  /** These options with another server ID. */
  public AdsOptions withServerId(String value) {
    return new AdsOptions(host, port, debounceAfter, debounceMax, pushThreads, value, admission, sendBudgetBytes);
  }

  /** These options with {@code value} push threads (at least one; the admission limit keeps its own options). */
  public AdsOptions withPushThreads(int value) {
    return new AdsOptions(host, port, debounceAfter, debounceMax, value, serverId, admission, sendBudgetBytes);
  }

  /** These options with another send budget (bytes all streams may leave queued in gRPC). */
  public AdsOptions withSendBudget(long bytes) {
    return new AdsOptions(host, port, debounceAfter, debounceMax, pushThreads, serverId, admission, bytes);
  }

  /** These options with another admission policy for new streams. */
  public AdsOptions withAdmission(AdmissionOptions value) {
    return new AdsOptions(host, port, debounceAfter, debounceMax, pushThreads, serverId, value, sendBudgetBytes);
  }
}
