package dev.meshwright.xds.route;

import com.google.protobuf.Any;
import com.google.protobuf.UInt32Value;
import dev.meshwright.api.networking.HTTPRetry;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import io.envoyproxy.envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate;
import io.envoyproxy.envoy.extensions.retry.priority.previous_priorities.v3.PreviousPrioritiesConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Istio's HTTP retry policy: with no VirtualService {@code retries} (and no mesh {@code defaultHttpRetryPolicy}) two
 * retries on connect-failure, refused-stream, unavailable, cancelled and 503, avoiding previously tried hosts (up to 5
 * host selections); {@code attempts} 0 (or unset in a given policy) means no retry policy at all; numbers in
 * {@code retryOn} become retriable status codes. Stateless.
 */
public final class Retries {
  private Retries() {}

  /** Envoy's host predicate that skips hosts already tried. */
  public static final String PREVIOUS_HOSTS = "envoy.retry_host_predicates.previous_hosts";
  /** Envoy's retry priority that moves to other priorities (localities) on retry. */
  public static final String PREVIOUS_PRIORITIES = "envoy.retry_priorities.previous_priorities";
  private static final String DEFAULT_RETRY_ON =
      "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes";

  /** Status codes Go's {@code http.StatusText} knows: only these count as codes in {@code retryOn}. */
  private static final Set<Integer> KNOWN_STATUS = Set.of(100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206,
      207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410,
      411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503,
      504, 505, 506, 507, 508, 510, 511);

  /** Istio's default policy. */
  public static RetryPolicy defaultPolicy() {
    return RetryPolicy.newBuilder()
        .setNumRetries(UInt32Value.of(2))
        .setRetryOn(DEFAULT_RETRY_ON)
        .addRetriableStatusCodes(503)
        .addRetryHostPredicate(RetryPolicy.RetryHostPredicate.newBuilder().setName(PREVIOUS_HOSTS)
            .setTypedConfig(Any.pack(PreviousHostsPredicate.getDefaultInstance())))
        .setHostSelectionRetryMaxAttempts(5)
        .build();
  }

  /** The Envoy policy for a route whose {@code retries} is {@code policy} (empty: Istio's default); empty = none. */
  public static Optional<RetryPolicy> convert(Optional<HTTPRetry> policy) {
    if (policy.isEmpty()) {
      return Optional.of(defaultPolicy());
    }
    HTTPRetry in = policy.get();
    int attempts = in.attempts().orElse(0);
    if (attempts <= 0) {
      return Optional.empty();
    }
    RetryPolicy.Builder out = defaultPolicy().toBuilder().setNumRetries(UInt32Value.of(attempts));
    in.retryOn().filter(s -> !s.isEmpty()).ifPresent(retryOn -> {
      List<String> kinds = new ArrayList<>();
      List<Integer> codes = new ArrayList<>();
      for (String part : retryOn.split(",", -1)) {
        String p = part.trim();
        if (p.isEmpty()) {
          continue;
        }
        Integer code = statusCode(p);
        if (code != null) {
          codes.add(code);
        } else {
          kinds.add(p);
        }
      }
      String joined = String.join(",", kinds);
      if (!codes.isEmpty() && !joined.contains("retriable-status-codes")) {
        joined += ",retriable-status-codes";
      }
      out.setRetryOn(joined).clearRetriableStatusCodes().addAllRetriableStatusCodes(codes);
    });
    in.perTryTimeout().ifPresent(t -> out.setPerTryTimeout(Durations.of(t)));
    if (in.retryRemoteLocalities().orElse(false)) {
      out.setRetryPriority(RetryPolicy.RetryPriority.newBuilder().setName(PREVIOUS_PRIORITIES)
          .setTypedConfig(Any.pack(PreviousPrioritiesConfig.newBuilder().setUpdateFrequency(2).build())));
    }
    return Optional.of(out.build());
  }

  private static Integer statusCode(String s) {
    try {
      int i = Integer.parseInt(s);
      return KNOWN_STATUS.contains(i) ? i : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
