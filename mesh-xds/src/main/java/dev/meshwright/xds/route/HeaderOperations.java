package dev.meshwright.xds.route;

import dev.meshwright.api.networking.Headers;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * VirtualService {@code headers} to Envoy header manipulation: {@code set} overwrites, {@code add} appends (each sorted
 * by name, set before add), {@code remove} removes; pseudo-headers and {@code host} are never touched, but a
 * {@code :authority}/{@code host} value becomes the host rewrite ({@code set} wins over {@code add}). Immutable.
 */
record HeaderOperations(List<HeaderValueOption> requestToAdd, List<HeaderValueOption> responseToAdd,
    List<String> requestToRemove, List<String> responseToRemove, Optional<String> authority) {

  static HeaderOperations of(Headers headers) {
    Headers.HeaderOperations none = Headers.HeaderOperations.builder().build();
    Headers.HeaderOperations req = headers.request().orElse(none);
    Headers.HeaderOperations resp = headers.response().orElse(none);
    List<HeaderValueOption> reqAdd = new ArrayList<>();
    Optional<String> setAuthority = options(req.set(), HeaderValueOption.HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD,
        reqAdd);
    Optional<String> addAuthority = options(req.add(), HeaderValueOption.HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD,
        reqAdd);
    List<HeaderValueOption> respAdd = new ArrayList<>();
    options(resp.set(), HeaderValueOption.HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD, respAdd);
    options(resp.add(), HeaderValueOption.HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD, respAdd);
    return new HeaderOperations(reqAdd, respAdd, dropInternal(req.remove()), dropInternal(resp.remove()),
        setAuthority.or(() -> addAuthority));
  }

  private static Optional<String> options(Map<String, String> headers, HeaderValueOption.HeaderAppendAction action,
      List<HeaderValueOption> out) {
    String authority = null;
    for (Map.Entry<String, String> e : new TreeMap<>(headers).entrySet()) {
      String key = e.getKey();
      if (key.equalsIgnoreCase(":authority") || key.equalsIgnoreCase("host")) {
        authority = e.getValue();
      }
      if (internal(key)) {
        continue;
      }
      out.add(HeaderValueOption.newBuilder()
          .setHeader(HeaderValue.newBuilder().setKey(key).setValue(e.getValue()))
          .setAppendAction(action).build());
    }
    return Optional.ofNullable(authority);
  }

  private static boolean internal(String key) {
    return key.startsWith(":") || key.toLowerCase(Locale.ROOT).equals("host");
  }

  private static List<String> dropInternal(List<String> keys) {
    return keys.stream().filter(k -> !internal(k)).toList();
  }
}
