package dev.meshwright.xds.route;

import dev.meshwright.api.networking.HTTPFaultInjection;
import io.envoyproxy.envoy.extensions.filters.common.fault.v3.FaultDelay;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.FaultAbort;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault;
import java.util.Map;

/**
 * VirtualService {@code fault} to the per-route config of {@code envoy.filters.http.fault}: a fixed delay (an
 * exponential one is not supported and dropped) with its percentage, an abort by HTTP status or gRPC status name (an
 * HTTP/2 error is not supported and dropped). A fault with nothing left is the empty {@code HTTPFault}, as Istio
 * sends it. Stateless.
 */
public final class Faults {
  private Faults() {}

  /** The HTTP filter name the per-route config is keyed by. */
  public static final String FILTER = "envoy.filters.http.fault";

  private static final Map<String, Integer> GRPC_STATUS = Map.ofEntries(Map.entry("OK", 0),
      Map.entry("CANCELLED", 1), Map.entry("UNKNOWN", 2), Map.entry("INVALID_ARGUMENT", 3),
      Map.entry("DEADLINE_EXCEEDED", 4), Map.entry("NOT_FOUND", 5), Map.entry("ALREADY_EXISTS", 6),
      Map.entry("PERMISSION_DENIED", 7), Map.entry("RESOURCE_EXHAUSTED", 8), Map.entry("FAILED_PRECONDITION", 9),
      Map.entry("ABORTED", 10), Map.entry("OUT_OF_RANGE", 11), Map.entry("UNIMPLEMENTED", 12),
      Map.entry("INTERNAL", 13), Map.entry("UNAVAILABLE", 14), Map.entry("DATA_LOSS", 15),
      Map.entry("UNAUTHENTICATED", 16));

  /** The Envoy fault config. */
  public static HTTPFault of(HTTPFaultInjection in) {
    HTTPFault.Builder out = HTTPFault.newBuilder();
    in.delay().filter(d -> d.fixedDelay().isPresent()).ifPresent(d -> out.setDelay(FaultDelay.newBuilder()
        .setPercentage(d.percentage().map(Percents::of).orElseGet(() -> Percents.ofInteger(d.percent().orElse(0))))
        .setFixedDelay(Durations.of(d.fixedDelay().get()))));
    in.abort().ifPresent(a -> {
      FaultAbort.Builder abort = FaultAbort.newBuilder();
      a.percentage().ifPresent(p -> abort.setPercentage(Percents.of(p)));
      if (a.httpStatus().isPresent()) {
        out.setAbort(abort.setHttpStatus(a.httpStatus().get()));
      } else if (a.grpcStatus().isPresent()) {
        out.setAbort(abort.setGrpcStatus(GRPC_STATUS.getOrDefault(a.grpcStatus().get(), 0)));
      }
    });
    return out.build();
  }
}
