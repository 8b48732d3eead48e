package dev.meshwright.xds.route;

import dev.meshwright.api.networking.HTTPMatchRequest;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.StringMatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one delegate rule merges with its root rule, as Istio does it: every delegate match must narrow at least one
 * root match without conflict (and is merged with each such root match), else the rule is dropped; names join with
 * {@code -}; everything the delegate leaves unset is taken from the root. Stateless.
 */
final class DelegateMerge {
  private DelegateMerge() {}

  static Optional<HTTPRoute> route(HTTPRoute root, HTTPRoute delegate) {
    Optional<List<HTTPMatchRequest>> matches = matches(root.match(), delegate.match());
    if (matches.isEmpty()) {
      return Optional.empty();
    }
    HTTPRoute.Builder out = HTTPRoute.builder().from(delegate).match(matches.get());
    joinName(root.name(), delegate.name()).ifPresent(out::name);
    out.rewrite(delegate.rewrite().or(root::rewrite));
    out.directResponse(delegate.directResponse().or(root::directResponse));
    out.timeout(delegate.timeout().or(root::timeout));
    out.retries(delegate.retries().or(root::retries));
    out.fault(delegate.fault().or(root::fault));
    out.mirror(delegate.mirror().or(root::mirror));
    out.mirrorPercent(delegate.mirrorPercent().or(root::mirrorPercent));
    out.mirrorPercentage(delegate.mirrorPercentage().or(root::mirrorPercentage));
    out.corsPolicy(delegate.corsPolicy().or(root::corsPolicy));
    out.mirrors(delegate.mirrors().isEmpty() ? root.mirrors() : delegate.mirrors());
    out.headers(delegate.headers().or(root::headers));
    return Optional.of(out.build());
  }

  private static Optional<String> joinName(Optional<String> root, Optional<String> delegate) {
    String r = root.orElse("");
    String d = delegate.orElse("");
    if (d.isEmpty()) {
      return r.isEmpty() ? delegate : Optional.of(r);
    }
    return Optional.of(r.isEmpty() ? d : r + "-" + d);
  }

  /** The merged matches, empty on conflict. */
  static Optional<List<HTTPMatchRequest>> matches(List<HTTPMatchRequest> root, List<HTTPMatchRequest> delegate) {
    if (root.isEmpty()) {
      return Optional.of(delegate);
    }
    if (delegate.isEmpty()) {
      return Optional.of(root);
    }
    List<HTTPMatchRequest> out = new ArrayList<>();
    for (HTTPMatchRequest sub : delegate) {
      boolean found = false;
      for (HTTPMatchRequest r : root) {
        if (conflict(r, sub)) {
          continue;
        }
        out.add(match(r, sub));
        found = true;
      }
      if (!found) {
        return Optional.empty();
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  static HTTPMatchRequest match(HTTPMatchRequest root, HTTPMatchRequest d) {
    HTTPMatchRequest.Builder out = HTTPMatchRequest.builder().from(d);
    joinName(root.name(), d.name()).ifPresent(out::name);
    out.uri(d.uri().or(root::uri));
    out.scheme(d.scheme().or(root::scheme));
    out.method(d.method().or(root::method));
    out.authority(d.authority().or(root::authority));
    out.headers(union(root.headers(), d.headers()));
    out.withoutHeaders(union(root.withoutHeaders(), d.withoutHeaders()));
    out.queryParams(union(root.queryParams(), d.queryParams()));
    if (d.port().orElse(0) == 0) {
      out.port(root.port());
    }
    out.sourceLabels(union(root.sourceLabels(), d.sourceLabels()));
    if (d.sourceNamespace().orElse("").isEmpty()) {
      out.sourceNamespace(root.sourceNamespace());
    }
    if (d.gateways().isEmpty()) {
      out.gateways(root.gateways());
    }
    if (d.statPrefix().orElse("").isEmpty()) {
      out.statPrefix(root.statPrefix());
    }
    return out.build();
  }

  private static <V> Map<String, V> union(Map<String, V> root, Map<String, V> delegate) {
    Map<String, V> out = new LinkedHashMap<>(root);
    out.putAll(delegate);
    return out;
  }

  static boolean conflict(HTTPMatchRequest root, HTTPMatchRequest leaf) {
    if (conflict(root.uri(), leaf.uri()) || conflict(root.scheme(), leaf.scheme())
        || conflict(root.method(), leaf.method()) || conflict(root.authority(), leaf.authority())) {
      return true;
    }
    for (Map.Entry<String, StringMatch> e : leaf.headers().entrySet()) {
      if (conflict(Optional.ofNullable(root.headers().get(e.getKey())), Optional.of(e.getValue()))) {
        return true;
      }
    }
    for (Map.Entry<String, StringMatch> e : leaf.withoutHeaders().entrySet()) {
      if (conflict(Optional.ofNullable(root.withoutHeaders().get(e.getKey())), Optional.of(e.getValue()))) {
        return true;
      }
    }
    for (Map.Entry<String, StringMatch> e : leaf.queryParams().entrySet()) {
      if (conflict(Optional.ofNullable(root.queryParams().get(e.getKey())), Optional.of(e.getValue()))) {
        return true;
      }
    }
    if (root.ignoreUriCase().orElse(false) != leaf.ignoreUriCase().orElse(false)) {
      return true;
    }
    int rp = root.port().orElse(0);
    int lp = leaf.port().orElse(0);
    if (rp > 0 && lp > 0 && rp != lp) {
      return true;
    }
    String rns = root.sourceNamespace().orElse("");
    if (!rns.isEmpty() && !leaf.sourceNamespace().orElse("").equals(rns)) {
      return true;
    }
    for (Map.Entry<String, String> e : leaf.sourceLabels().entrySet()) {
      String v = root.sourceLabels().get(e.getKey());
      if (v != null && !v.equals(e.getValue())) {
        return true;
      }
    }
    if (!root.gateways().isEmpty() && !leaf.gateways().isEmpty()) {
      return root.gateways().size() < leaf.gateways().size()
          || !new HashSet<>(root.gateways()).containsAll(leaf.gateways());
    }
    return false;
  }

  private static boolean conflict(Optional<StringMatch> rootMatch, Optional<StringMatch> leafMatch) {
    if (rootMatch.isEmpty() || leafMatch.isEmpty()) {
      return false;
    }
    StringMatch root = rootMatch.get();
    StringMatch leaf = leafMatch.get();
    String rootRegex = root instanceof StringMatch.Regex r ? r.value() : "";
    String leafRegex = leaf instanceof StringMatch.Regex r ? r.value() : "";
    String rootExact = root instanceof StringMatch.Exact e ? e.value() : "";
    String leafExact = leaf instanceof StringMatch.Exact e ? e.value() : "";
    String rootPrefix = root instanceof StringMatch.Prefix p ? p.value() : "";
    String leafPrefix = leaf instanceof StringMatch.Prefix p ? p.value() : "";
    if (!rootRegex.isEmpty() && (!leafRegex.isEmpty() || !leafPrefix.isEmpty() || !leafExact.isEmpty())) {
      return true;
    }
    if (!leafRegex.isEmpty() && (!rootRegex.isEmpty() || !rootPrefix.isEmpty() || !rootExact.isEmpty())) {
      return true;
    }
    if (!rootExact.isEmpty()) {
      return !leafPrefix.isEmpty() || !leafExact.equals(rootExact);
    }
    if (!rootPrefix.isEmpty()) {
      if (!leafPrefix.isEmpty()) {
        return !leafPrefix.startsWith(rootPrefix);
      }
      if (!leafExact.isEmpty()) {
        return !leafExact.startsWith(rootPrefix);
      }
    }
    return true;
  }
}
