package dev.meshwright.model.gateway;

import dev.meshwright.api.networking.HTTPMatchRequest;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.StringMatch;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * The Gateway API precedence of generated HTTP routes, most specific first: routes with a match before
 * routes without; then exact over prefix over regex paths, longer paths first, a method match first, more
 * header matches first, more query matches first. Used with a stable sort, so ties keep rule order. Stateless.
 */
final class HttpRouteOrder implements Comparator<HTTPRoute> {
  static final HttpRouteOrder INSTANCE = new HttpRouteOrder();

  private HttpRouteOrder() {}

  @Override
  public int compare(HTTPRoute a, HTTPRoute b) {
    boolean an = a.match().isEmpty();
    boolean bn = b.match().isEmpty();
    if (an || bn) {
      return Boolean.compare(an, bn);
    }
    HTTPMatchRequest m1 = a.match().get(0);
    HTTPMatchRequest m2 = b.match().get(0);
    int r1 = rank(m1);
    int r2 = rank(m2);
    if (r1 != r2) {
      return Integer.compare(r2, r1);
    }
    int l1 = length(m1);
    int l2 = length(m2);
    if (l1 != l2) {
      return Integer.compare(l2, l1);
    }
    if (m1.method().isPresent() != m2.method().isPresent()) {
      return m1.method().isPresent() ? -1 : 1;
    }
    if (m1.headers().size() != m2.headers().size()) {
      return Integer.compare(m2.headers().size(), m1.headers().size());
    }
    return Integer.compare(m2.queryParams().size(), m1.queryParams().size());
  }

  private static int rank(HTTPMatchRequest m) {
    if (m.uri().isEmpty()) {
      return -1;
    }
    StringMatch u = m.uri().get();
    if (u instanceof StringMatch.Exact) {
      return 3;
    }
    if (u instanceof StringMatch.Prefix) {
      return 2;
    }
    if (u instanceof StringMatch.Regex) {
      return 1;
    }
    return -1;
  }

  private static int length(HTTPMatchRequest m) {
    if (m.uri().isEmpty()) {
      return 0;
    }
    StringMatch u = m.uri().get();
    if (u instanceof StringMatch.Exact || u instanceof StringMatch.Prefix || u instanceof StringMatch.Regex) {
      return u.value().getBytes(StandardCharsets.UTF_8).length;
    }
    return -1;
  }
}
