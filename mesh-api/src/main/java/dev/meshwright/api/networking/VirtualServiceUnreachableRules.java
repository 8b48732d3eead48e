package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.validation.Checks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Istio's warnings about rules that can never be selected: a rule after a match-all rule, matches
 * repeated from an earlier rule, and URI prefix matches covered by an earlier, shorter prefix.
 */
final class VirtualServiceUnreachableRules {
  private VirtualServiceUnreachableRules() {}

  /** A URI-prefix match reduced to what the overlap check compares. */
  private record PrefixMatch(String route, String match, String prefix, int port, String method, String authority,
      Map<String, String> headers, Map<String, String> queryParams, Map<String, String> withoutHeaders) {}

  static void http(List<HTTPRoute> routes, Problems p) {
    List<PrefixMatch> prefixes = new ArrayList<>();
    analyze(routes, HTTPRoute::match, VirtualServiceUnreachableRules::httpKey, (i, r) -> routeName(r.name(), i),
        (i, m) -> routeName(m.name(), i), (rule, matchIndex, m) -> prefixMatch(rule, matchIndex, m)
            .ifPresent(prefixes::add), p.at("http"));
    for (int a = 0; a < prefixes.size(); a++) {
      PrefixMatch first = prefixes.get(a);
      for (int b = a + 1; b < prefixes.size(); b++) {
        PrefixMatch later = prefixes.get(b);
        if (later.prefix().equals(first.prefix()) || !covers(first, later)) {
          continue;
        }
        p.at("http").warning(ineffective(later.route(), later.match() + " of prefix " + later.prefix(),
            first.match() + " of prefix " + first.prefix() + " on " + first.route()));
      }
    }
  }

  static void tcp(List<TCPRoute> routes, Problems p) {
    analyze(routes, TCPRoute::match, m -> m, (i, r) -> "#" + i, (i, m) -> "#" + i, (r, i, m) -> { }, p.at("tcp"));
  }

  static void tls(List<TLSRoute> routes, Problems p) {
    analyze(routes, TLSRoute::match, m -> m, (i, r) -> "#" + i, (i, m) -> "#" + i, (r, i, m) -> { }, p.at("tls"));
  }

  private interface Namer<T> {
    String name(int index, T value);
  }

  private interface MatchSink<M> {
    void accept(String rule, int matchIndex, M match);
  }

  private static <R, M> void analyze(List<R> routes, Function<R, List<M>> matches, Function<M, Object> key,
      Namer<R> routeNamer, Namer<M> matchNamer, MatchSink<M> fresh, Problems p) {
    Map<Object, Integer> seen = new HashMap<>();
    boolean matchAllSeen = false;
    for (int rule = 0; rule < routes.size(); rule++) {
      R route = routes.get(rule);
      String name = routeNamer.name(rule, route);
      List<M> ms = matches.apply(route);
      if (ms.isEmpty()) {
        if (matchAllSeen) {
          p.index(rule).warning(unused(name, "only the last rule can have no matches"));
        }
        matchAllSeen = true;
        continue;
      }
      int duplicates = 0;
      for (int i = 0; i < ms.size(); i++) {
        M m = ms.get(i);
        Object k = key.apply(m);
        Integer earlier = seen.get(k);
        if (earlier != null) {
          p.index(rule).at("match").index(i).warning(ineffective(name, matchNamer.name(i, m),
              routeNamer.name(earlier, routes.get(earlier))));
          duplicates++;
          continue;
        }
        seen.put(k, rule);
        fresh.accept(name, i, m);
      }
      if (duplicates == ms.size()) {
        p.index(rule).warning(unused(name, "all matches used by prior rules"));
      }
    }
  }

  private static String unused(String rule, String reason) {
    return "virtualService rule " + rule + " not used (" + reason + ")";
  }

  private static String ineffective(String rule, String match, String duplicateOf) {
    return "virtualService rule " + rule + " match " + match + " is not used (duplicate/overlapping match in rule "
        + duplicateOf + ")";
  }

  private static String routeName(Optional<String> name, int index) {
    return name.filter(n -> !n.isEmpty()).map(Checks::quote).orElse("#" + index);
  }

  /** What makes two HTTP matches the same traffic: every field but the name, with proto defaults folded in. */
  private static Object httpKey(HTTPMatchRequest m) {
    return List.of(m.uri(), m.scheme(), m.method(), m.authority(), new TreeMap<>(m.headers()), m.port().orElse(0),
        new TreeMap<>(m.sourceLabels()), m.gateways(), new TreeMap<>(m.queryParams()),
        m.ignoreUriCase().orElse(false), new TreeMap<>(m.withoutHeaders()), m.sourceNamespace().orElse(""),
        m.statPrefix().orElse(""));
  }

  private static Optional<PrefixMatch> prefixMatch(String rule, int matchIndex, HTTPMatchRequest m) {
    if (!(m.uri().orElse(null) instanceof StringMatch.Prefix prefix) || prefix.value().isEmpty()) {
      return Optional.empty();
    }
    String method = exactOrPrefix(m.method());
    return Optional.of(new PrefixMatch(rule, routeName(m.name(), matchIndex), prefix.value(), m.port().orElse(0),
        method.isEmpty() ? "exact:GET" : method, exactOrPrefix(m.authority()), reduce(m.headers()),
        reduce(m.queryParams()), reduce(m.withoutHeaders())));
  }

  private static Map<String, String> reduce(Map<String, StringMatch> matches) {
    Map<String, String> out = new TreeMap<>();
    matches.forEach((k, v) -> out.put(k, exactOrPrefix(Optional.of(v))));
    return out;
  }

  private static String exactOrPrefix(Optional<StringMatch> m) {
    if (m.orElse(null) instanceof StringMatch.Exact e && !e.value().isEmpty()) {
      return "exact:" + e.value();
    }
    if (m.orElse(null) instanceof StringMatch.Prefix pr && !pr.value().isEmpty()) {
      return "prefix:" + pr.value();
    }
    return "";
  }

  /** Whether the earlier prefix match {@code a} takes all the traffic of the later match {@code b}. */
  private static boolean covers(PrefixMatch a, PrefixMatch b) {
    if (!b.prefix().startsWith(a.prefix()) || a.port() != b.port()) {
      return false;
    }
    if (!a.method().equals(b.method()) && !a.method().startsWith(b.method())) {
      return false;
    }
    if (!a.authority().equals(b.authority()) && !a.authority().startsWith(b.authority())) {
      return false;
    }
    return sameOrWider(a.headers(), b.headers()) && sameOrWider(a.queryParams(), b.queryParams())
        && sameOrWider(a.withoutHeaders(), b.withoutHeaders());
  }

  private static boolean sameOrWider(Map<String, String> a, Map<String, String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<String, String> e : a.entrySet()) {
      String other = b.get(e.getKey());
      if (other == null || (!e.getValue().equals(other) && !e.getValue().startsWith(other))) {
        return false;
      }
    }
    return true;
  }
}
