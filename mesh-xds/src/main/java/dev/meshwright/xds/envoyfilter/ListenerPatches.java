package dev.meshwright.xds.envoyfilter;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.meshwright.api.networking.EnvoyFilterPatch.Operation;
import dev.meshwright.api.networking.EnvoyFilterSpec.ApplyTo;
import dev.meshwright.api.networking.EnvoyFilterSpec.PatchContext;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * istiod's patches of one listener, outermost first: LISTENER (REMOVE, MERGE), LISTENER_FILTER (list operations),
 * then per filter chain (the default chain too) FILTER_CHAIN (REMOVE; MERGE, which merges only the typed config of
 * a same-named transport socket when the value has one), NETWORK_FILTER (list operations, then MERGE per filter:
 * name and unpacked typed config) and, inside an HTTP connection manager, HTTP_FILTER the same way; ADD filter
 * chains are appended after the existing chains are patched. A chain without filters is never patched. On a
 * sidecar's inbound side the route configurations inside its connection managers get the route patches first, as
 * istiod patches them when it builds them. Stateless.
 */
final class ListenerPatches {
  static final String HCM = "envoy.filters.network.http_connection_manager";

  private ListenerPatches() {}

  /** {@code in} patched in {@code ctx}; empty when removed. */
  static Optional<Listener> patch(ProxyPatches ps, PatchContext ctx, Listener in) {
    Listener l = in;
    if (ctx == PatchContext.SIDECAR_INBOUND && RoutePatches.any(ps)) {
      l = eachFilter(l, f -> inlineRoutes(ps, f));
    }
    for (Patch p : ps.get(ApplyTo.LISTENER)) {
      if (p.inContext(ctx) && ListenerMatches.listener(l, p)) {
        if (p.operation() == Operation.REMOVE) {
          return Optional.empty();
        } else if (p.operation() == Operation.MERGE) {
          l = ProtoMerge.merge(l, p.value(Listener.class));
        }
      }
    }
    l = listenerFilters(ps, ctx, l);
    if (ps.any(ApplyTo.FILTER_CHAIN, ApplyTo.NETWORK_FILTER, ApplyTo.HTTP_FILTER)) {
      l = filterChains(ps, ctx, l);
    }
    return Optional.of(l);
  }

  /** The listeners ADD patches insert in {@code ctx}. */
  static List<Listener> added(ProxyPatches ps, PatchContext ctx) {
    List<Listener> out = new ArrayList<>();
    for (Patch p : ps.get(ApplyTo.LISTENER)) {
      if (p.operation() == Operation.ADD && p.addsIn(ctx)) {
        out.add(p.value(Listener.class));
      }
    }
    return out;
  }

  private static Listener listenerFilters(ProxyPatches ps, PatchContext ctx, Listener l) {
    List<Patch> patches = ps.get(ApplyTo.LISTENER_FILTER);
    if (patches.isEmpty()) {
      return l;
    }
    List<ListenerFilter> filters = l.getListenerFiltersList();
    for (Patch p : patches) {
      if (p.inContext(ctx) && ListenerMatches.listener(l, p)) {
        filters = FilterLists.apply(filters, p.operation(), ListenerMatches.namesListenerFilter(p),
            f -> ListenerMatches.listenerFilter(f, p), p.value().map(ListenerFilter.class::cast).orElse(null));
      }
    }
    return l.toBuilder().clearListenerFilters().addAllListenerFilters(filters).build();
  }

  private static Listener filterChains(ProxyPatches ps, PatchContext ctx, Listener l) {
    List<FilterChain> chains = new ArrayList<>();
    boolean removed = false;
    for (FilterChain fc : l.getFilterChainsList()) {
      if (fc.getFiltersCount() == 0) {
        chains.add(fc);
        continue;
      }
      Optional<FilterChain> patched = chain(ps, ctx, l, fc);
      patched.ifPresent(chains::add);
      removed |= patched.isEmpty();
    }
    Listener.Builder b = l.toBuilder();
    if (l.hasDefaultFilterChain() && l.getDefaultFilterChain().getFiltersCount() > 0) {
      Optional<FilterChain> patched = chain(ps, ctx, l, l.getDefaultFilterChain());
      if (patched.isPresent()) {
        b.setDefaultFilterChain(patched.get());
      } else {
        b.clearDefaultFilterChain();
      }
    }
    for (Patch p : ps.get(ApplyTo.FILTER_CHAIN)) {
      if (p.operation() == Operation.ADD && p.inContext(ctx) && ListenerMatches.listener(l, p)) {
        chains.add(p.value(FilterChain.class));
      }
    }
    if (removed) {
      chains.removeIf(fc -> fc.getFiltersCount() == 0);
    }
    return b.clearFilterChains().addAllFilterChains(chains).build();
  }

  private static Optional<FilterChain> chain(ProxyPatches ps, PatchContext ctx, Listener l, FilterChain in) {
    FilterChain fc = in;
    for (Patch p : ps.get(ApplyTo.FILTER_CHAIN)) {
      if (!p.inContext(ctx) || !ListenerMatches.listener(l, p) || !ListenerMatches.filterChain(l, fc, p)) {
        continue;
      }
      if (p.operation() == Operation.REMOVE) {
        return Optional.empty();
      } else if (p.operation() == Operation.MERGE) {
        FilterChain value = p.value(FilterChain.class);
        if (value.hasTransportSocket() && fc.hasTransportSocket()
            && value.getTransportSocket().getName().equals(fc.getTransportSocket().getName())) {
          fc = fc.toBuilder().setTransportSocket(
              ClusterPatches.mergeTypedConfig(fc.getTransportSocket(), value.getTransportSocket())).build();
        } else {
          fc = ProtoMerge.merge(fc, value);
        }
      }
    }
    List<Filter> filters = fc.getFiltersList();
    for (Patch p : ps.get(ApplyTo.NETWORK_FILTER)) {
      if (p.inContext(ctx) && ListenerMatches.listener(l, p) && ListenerMatches.filterChain(l, fc, p)) {
        filters = FilterLists.apply(filters, p.operation(), ListenerMatches.namesNetworkFilter(p),
            f -> ListenerMatches.networkFilter(f, p), p.value().map(Filter.class::cast).orElse(null));
      }
    }
    List<Filter> out = new ArrayList<>(filters.size());
    for (Filter f : filters) {
      out.add(networkFilter(ps, ctx, l, fc, f));
    }
    return Optional.of(fc.toBuilder().clearFilters().addAllFilters(out).build());
  }

  private static Filter networkFilter(ProxyPatches ps, PatchContext ctx, Listener l, FilterChain fc, Filter in) {
    Filter f = in;
    for (Patch p : ps.get(ApplyTo.NETWORK_FILTER)) {
      if (p.operation() != Operation.MERGE || !p.inContext(ctx) || !ListenerMatches.listener(l, p)
          || !ListenerMatches.filterChain(l, fc, p) || !ListenerMatches.networkFilter(f, p) || !f.hasTypedConfig()) {
        continue;
      }
      Filter user = p.value(Filter.class);
      Filter.Builder b = f.toBuilder();
      if (!user.getName().isEmpty()) {
        b.setName(user.getName());
      }
      if (user.hasTypedConfig()) {
        b.setTypedConfig(mergeTyped(f.getTypedConfig(), user.getTypedConfig()));
      }
      f = b.build();
    }
    return f.getName().equals(HCM) ? httpFilters(ps, ctx, l, fc, f) : f;
  }

  private static Filter httpFilters(ProxyPatches ps, PatchContext ctx, Listener l, FilterChain fc, Filter f) {
    List<Patch> patches = ps.get(ApplyTo.HTTP_FILTER);
    if (patches.isEmpty() || !f.hasTypedConfig()) {
      return f;
    }
    Optional<HttpConnectionManager> unpacked = hcm(f);
    if (unpacked.isEmpty()) {
      return f;
    }
    List<HttpFilter> filters = unpacked.get().getHttpFiltersList();
    for (Patch p : patches) {
      if (p.inContext(ctx) && ListenerMatches.listener(l, p) && ListenerMatches.filterChain(l, fc, p)
          && ListenerMatches.networkFilter(f, p)) {
        filters = FilterLists.apply(filters, p.operation(), ListenerMatches.namesHttpFilter(p),
            h -> ListenerMatches.httpFilter(h, p), p.value().map(HttpFilter.class::cast).orElse(null));
      }
    }
    List<HttpFilter> out = new ArrayList<>(filters.size());
    for (HttpFilter h : filters) {
      for (Patch p : patches) {
        if (p.operation() != Operation.MERGE || !p.inContext(ctx) || !ListenerMatches.listener(l, p)
            || !ListenerMatches.filterChain(l, fc, p) || !ListenerMatches.networkFilter(f, p)
            || !ListenerMatches.httpFilter(h, p) || !h.hasTypedConfig()) {
          continue;
        }
        HttpFilter user = p.value(HttpFilter.class);
        HttpFilter.Builder b = h.toBuilder();
        if (!user.getName().isEmpty()) {
          b.setName(user.getName());
        }
        if (user.hasTypedConfig()) {
          b.setTypedConfig(mergeTyped(h.getTypedConfig(), user.getTypedConfig()));
        }
        h = b.build();
      }
      out.add(h);
    }
    return repack(f, unpacked.get().toBuilder().clearHttpFilters().addAllHttpFilters(out).build());
  }

  /** istiod's typed-config MERGE: the user's payload read as the existing type, merged; unchanged if unreadable. */
  private static Any mergeTyped(Any existing, Any user) {
    Any src = user.toBuilder().setTypeUrl(existing.getTypeUrl()).build();
    return ProtoMerge.mergeAny(existing, src).orElse(existing);
  }

  private static Filter inlineRoutes(ProxyPatches ps, Filter f) {
    if (!f.getName().equals(HCM) || !f.hasTypedConfig()) {
      return f;
    }
    Optional<HttpConnectionManager> hcm = hcm(f);
    if (hcm.isEmpty() || !hcm.get().hasRouteConfig()) {
      return f;
    }
    RouteConfiguration rc = RoutePatches.patch(ps, PatchContext.SIDECAR_INBOUND, hcm.get().getRouteConfig());
    return repack(f, hcm.get().toBuilder().setRouteConfig(rc).build());
  }

  private static Listener eachFilter(Listener l, UnaryOperator<Filter> op) {
    Listener.Builder b = l.toBuilder();
    for (FilterChain.Builder fc : b.getFilterChainsBuilderList()) {
      for (int i = 0; i < fc.getFiltersCount(); i++) {
        fc.setFilters(i, op.apply(fc.getFilters(i)));
      }
    }
    if (b.hasDefaultFilterChain()) {
      FilterChain.Builder fc = b.getDefaultFilterChainBuilder();
      for (int i = 0; i < fc.getFiltersCount(); i++) {
        fc.setFilters(i, op.apply(fc.getFilters(i)));
      }
    }
    return b.build();
  }

  private static Optional<HttpConnectionManager> hcm(Filter f) {
    try {
      return Optional.of(f.getTypedConfig().unpack(HttpConnectionManager.class));
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }

  /** {@code f} with {@code hcm} as its typed config, or {@code f} itself when nothing changed. */
  private static Filter repack(Filter f, HttpConnectionManager hcm) {
    Optional<HttpConnectionManager> was = hcm(f);
    if (was.isPresent() && was.get().equals(hcm)) {
      return f;
    }
    return f.toBuilder().setTypedConfig(Any.newBuilder().setTypeUrl(f.getTypedConfig().getTypeUrl())
        .setValue(hcm.toByteString())).build();
  }
}
