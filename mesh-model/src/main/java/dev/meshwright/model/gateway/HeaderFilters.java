package dev.meshwright.model.gateway;

import dev.meshwright.api.networking.Headers;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Converts header modifier filters; later entries with an equal (case-insensitive) name are ignored. Stateless. */
final class HeaderFilters {
  private HeaderFilters() {}

  static Headers.HeaderOperations operations(HTTPHeaderFilter f) {
    Headers.HeaderOperations.Builder b = Headers.HeaderOperations.builder();
    b.putAllAdd(toMap(f.getAdd()));
    b.putAllSet(toMap(f.getSet()));
    if (f.getRemove() != null) {
      b.addAllRemove(f.getRemove());
    }
    return b.build();
  }

  private static Map<String, String> toMap(List<HTTPHeader> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    if (headers != null) {
      for (HTTPHeader h : headers) {
        if (h.getName() == null) {
          continue;
        }
        out.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue() == null ? "" : h.getValue());
      }
    }
    return out;
  }

  /** {@code headers} with the request (or response) operations replaced. */
  static Headers with(Headers headers, boolean request, Headers.HeaderOperations ops) {
    Headers.Builder b = Headers.builder();
    if (headers != null) {
      b.from(headers);
    }
    if (request) {
      b.request(ops);
    } else {
      b.response(ops);
    }
    return b.build();
  }
}
