package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.validation.Checks;
import java.util.List;
import java.util.Set;

/** Istio's rules for the optional features of an HTTP route: CORS, fault injection, retries. */
final class VirtualServiceFeatures {
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE");

  /** Envoy's retry-on policy names (HTTP and gRPC). */
  private static final Set<String> RETRY_ON = Set.of(
      "5xx", "gateway-error", "reset", "connect-failure", "retriable-4xx", "refused-stream",
      "retriable-status-codes", "retriable-headers", "envoy-ratelimited",
      "cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable");

  /** The status codes Go's net/http has a text for; any of them is a valid retry-on entry. */
  private static final Set<Integer> KNOWN_STATUS = Set.of(
      100, 101, 102, 103,
      200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
      300, 301, 302, 303, 304, 305, 307, 308,
      400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418,
      421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
      500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511);

  private static final Set<String> GRPC_STATUS = Set.of(
      "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
      "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
      "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED");

  private VirtualServiceFeatures() {}

  static void cors(CorsPolicy cors, Problems p) {
    for (int i = 0; i < cors.allowOrigins().size(); i++) {
      StringMatch origin = cors.allowOrigins().get(i);
      Problems at = p.at("allowOrigins").index(i);
      if (origin.value().isEmpty()) {
        at.error("'' is not a valid match type for CORS allow origins");
        continue;
      }
      VirtualServiceChecks.regexMatch(origin, "corsPolicy.allowOrigins", at);
    }
    for (int i = 0; i < cors.allowMethods().size(); i++) {
      String method = cors.allowMethods().get(i);
      if (!METHODS.contains(method)) {
        p.at("allowMethods").index(i).error(Checks.quote(method) + " is not a supported HTTP method");
      }
    }
    headerNames(cors.allowHeaders(), p.at("allowHeaders"));
    headerNames(cors.exposeHeaders(), p.at("exposeHeaders"));
    cors.maxAge().ifPresent(maxAge -> {
      Checks.duration(maxAge, p.at("maxAge"));
      if (maxAge.getNano() > 0) {
        p.at("maxAge").error("max_age duration is accurate only to seconds precision");
      }
    });
  }

  private static void headerNames(List<String> names, Problems p) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).isEmpty()) {
        p.index(i).error("header name cannot be empty");
      }
    }
  }

  static void fault(HTTPFaultInjection fault, Problems p) {
    if (fault.abort().isEmpty() && fault.delay().isEmpty()) {
      p.error("HTTP fault injection must have an abort and/or a delay");
    }
    fault.abort().ifPresent(abort -> {
      Problems at = p.at("abort");
      abort.percentage().ifPresent(pct -> VirtualServiceChecks.percentage(pct, at.at("percentage")));
      if (abort.grpcStatus().isPresent()) {
        String status = abort.grpcStatus().get();
        if (!GRPC_STATUS.contains(status)) {
          at.at("grpcStatus").error("gRPC status " + Checks.quote(status) + " is not supported. See "
              + "https://github.com/grpc/grpc/blob/master/doc/statuscodes.md for a list of supported codes, "
              + "for example 'NOT_FOUND'");
        }
      } else if (abort.http2Error().isPresent()) {
        at.at("http2Error").error("HTTP/2 abort fault injection not supported yet");
      } else if (abort.httpStatus().isPresent()) {
        httpStatus(abort.httpStatus().get(), at.at("httpStatus"));
      } else {
        at.warning("abort configured, but error type not set");
      }
    });
    fault.delay().ifPresent(delay -> {
      Problems at = p.at("delay");
      delay.percentage().ifPresent(pct -> VirtualServiceChecks.percentage(pct, at.at("percentage")));
      delay.fixedDelay().ifPresent(d -> Checks.duration(d, at.at("fixedDelay")));
      delay.exponentialDelay().ifPresent(d -> {
        Checks.duration(d, at.at("exponentialDelay"));
        at.at("exponentialDelay").error("exponentialDelay not supported yet");
      });
    });
  }

  /** An HTTP status for an abort or a direct response: 200..600 (the message says 599, as Istio's does). */
  static void httpStatus(int status, Problems p) {
    if (status < 200 || status > 600) {
      p.error("HTTP status " + status + " is not in range 200-599");
    }
  }

  static void retries(HTTPRetry retry, Problems p) {
    int attempts = retry.attempts().orElse(0);
    if (attempts < 0) {
      p.at("attempts").error("attempts cannot be negative");
    }
    String retryOn = retry.retryOn().orElse("");
    if (attempts == 0 && (retry.perTryTimeout().isPresent() || !retryOn.isEmpty()
        || retry.retryRemoteLocalities().isPresent())) {
      p.error("http retry policy configured when attempts are set to 0 (disabled)");
    }
    retry.perTryTimeout().ifPresent(d -> Checks.duration(d, p.at("perTryTimeout")));
    if (retryOn.isEmpty()) {
      return;
    }
    for (String policy : retryOn.split(",", -1)) {
      if (!KNOWN_STATUS.contains(goAtoi(policy)) && !RETRY_ON.contains(policy)) {
        p.at("retryOn").error(Checks.quote(policy) + " is not a valid retryOn policy");
      }
    }
  }

  /** Go's {@code strconv.Atoi}, with 0 for anything that is not a decimal integer. */
  private static int goAtoi(String s) {
    if (!s.matches("[+-]?[0-9]{1,9}")) {
      return 0;
    }
    return Integer.parseInt(s);
  }
}
