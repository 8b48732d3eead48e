package dev.meshwright.xds.envoyfilter;

import com.google.protobuf.Message;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.networking.EnvoyFilterSpec.ApplyTo;
import dev.meshwright.api.networking.EnvoyFilterSpec.PatchContext;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ProxyType;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import dev.meshwright.xds.gateway.MergedGateway;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.TrafficDirection;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Applies a proxy's {@link ProxyPatches} to the resources generated for it, one xDS type at a time, in the
 * generator's push order (clusters before endpoint names are derived, listeners before route names are): each
 * resource is patched in the context istiod gives it (a router's are GATEWAY; a sidecar's {@code inbound|} and
 * inbound passthrough clusters and its inbound listeners are SIDECAR_INBOUND, everything else SIDECAR_OUTBOUND),
 * then ADD patches insert clusters and listeners when the type was asked for by wildcard. A resource a patch
 * leaves as it was keeps its original (possibly cached and shared) {@link XdsResource}; a changed one is a new
 * resource, so nothing cached is ever mutated. A patch that throws leaves that resource unpatched with an error
 * diagnostic; what a patch makes invalid is caught by the output checks that run afterwards. Stateless.
 */
final class EnvoyFilterPatcher {
  private static final String INBOUND_PASSTHROUGH = "InboundPassthroughCluster";

  private EnvoyFilterPatcher() {}

  /** Patches the clusters in {@code out}; {@code wildcard} allows ADD. */
  static void clusters(ProxyContext ctx, ProxyPatches ps, XdsResources.Builder out, boolean wildcard) {
    if (!ps.any(ApplyTo.CLUSTER)) {
      return;
    }
    boolean router = ctx.proxy().type() == ProxyType.ROUTER;
    Map<Integer, Set<String>> inboundHosts = inboundHosts(ctx);
    patchEach(out, TypeUrls.CLUSTER, Cluster.class, c -> {
      boolean inbound = !router && (c.getName().startsWith("inbound|") || c.getName().startsWith(INBOUND_PASSTHROUGH));
      PatchContext pc = router ? PatchContext.GATEWAY : inbound ? PatchContext.SIDECAR_INBOUND
          : PatchContext.SIDECAR_OUTBOUND;
      Set<String> hosts = inbound ? inboundHosts.getOrDefault(SubsetKey.parse(c.getName()).port(), Set.of()) : Set.of();
      return ClusterPatches.patch(ps, pc, c, hosts);
    });
    if (wildcard) {
      List<Cluster> added = new ArrayList<>();
      if (router) {
        added.addAll(ClusterPatches.added(ps, PatchContext.GATEWAY));
      } else {
        added.addAll(ClusterPatches.added(ps, PatchContext.SIDECAR_OUTBOUND));
        added.addAll(ClusterPatches.added(ps, PatchContext.SIDECAR_INBOUND));
      }
      added.forEach(c -> out.add(XdsResource.of(c.getName(), c)));
    }
  }

  /** Patches the listeners in {@code out}; {@code wildcard} allows ADD. */
  static void listeners(ProxyContext ctx, ProxyPatches ps, XdsResources.Builder out, boolean wildcard) {
    if (!ps.any(ApplyTo.LISTENER, ApplyTo.LISTENER_FILTER, ApplyTo.FILTER_CHAIN, ApplyTo.NETWORK_FILTER,
        ApplyTo.HTTP_FILTER, ApplyTo.ROUTE_CONFIGURATION, ApplyTo.VIRTUAL_HOST, ApplyTo.HTTP_ROUTE)) {
      return;
    }
    boolean router = ctx.proxy().type() == ProxyType.ROUTER;
    patchEach(out, TypeUrls.LISTENER, Listener.class, l -> ListenerPatches.patch(ps, context(router, l), l));
    if (wildcard) {
      List<Listener> added = new ArrayList<>();
      if (router) {
        added.addAll(ListenerPatches.added(ps, PatchContext.GATEWAY));
      } else {
        added.addAll(ListenerPatches.added(ps, PatchContext.SIDECAR_INBOUND));
        added.addAll(ListenerPatches.added(ps, PatchContext.SIDECAR_OUTBOUND));
      }
      added.forEach(l -> out.add(XdsResource.of(l.getName(), l)));
    }
  }

  /** Patches the route configurations in {@code out} (a sidecar's RDS is its outbound side). */
  static void routes(ProxyContext ctx, ProxyPatches ps, XdsResources.Builder out) {
    if (!RoutePatches.any(ps)) {
      return;
    }
    if (ctx.proxy().type() == ProxyType.ROUTER) {
      Map<Integer, Set<Integer>> portMap = gatewayPortMap(ctx);
      patchEach(out, TypeUrls.ROUTE, RouteConfiguration.class,
          rc -> Optional.of(RoutePatches.patch(ps, PatchContext.GATEWAY, rc, portMap)));
    } else {
      patchEach(out, TypeUrls.ROUTE, RouteConfiguration.class,
          rc -> Optional.of(RoutePatches.patch(ps, PatchContext.SIDECAR_OUTBOUND, rc)));
    }
  }

  private static PatchContext context(boolean router, Listener l) {
    if (router) {
      return PatchContext.GATEWAY;
    }
    boolean inbound = l.getName().equals(ListenerMatches.VIRTUAL_INBOUND)
        || l.getTrafficDirection() == TrafficDirection.INBOUND;
    return inbound ? PatchContext.SIDECAR_INBOUND : PatchContext.SIDECAR_OUTBOUND;
  }

  /** istiod's gateway port map: for the port in each RDS route name, the server port numbers of its servers. */
  private static Map<Integer, Set<Integer>> gatewayPortMap(ProxyContext ctx) {
    Map<Integer, Set<Integer>> out = new java.util.HashMap<>();
    MergedGateway.of(ctx).serversByRouteName().forEach((route, servers) -> {
      Set<Integer> ports = out.computeIfAbsent(RoutePatches.routePort(route), k -> new TreeSet<>());
      servers.forEach(s -> ports.add(s.serverPort()));
    });
    return out;
  }

  /** The services a sidecar's workload serves, by target port: what its {@code inbound|port||} cluster is for. */
  private static Map<Integer, Set<String>> inboundHosts(ProxyContext ctx) {
    Map<Integer, Set<String>> out = new java.util.HashMap<>();
    for (ProxyContext.ServiceInstance i : ctx.serviceInstances()) {
      for (Integer port : i.endpoint().ports().values()) {
        out.computeIfAbsent(port, k -> new TreeSet<>()).add(i.service().hostname());
      }
    }
    return out;
  }

  private static <T extends Message> void patchEach(XdsResources.Builder out, String type, Class<T> cls,
      Function<T, Optional<T>> patch) {
    List<XdsResource> in = new ArrayList<>(out.of(type).values());
    for (XdsResource r : in) {
      T message = cls.cast(r.message());
      Optional<T> patched;
      try {
        patched = patch.apply(message);
      } catch (RuntimeException e) {
        out.diagnostic(Diagnostic.error("", "EnvoyFilter patches failed, " + TypeUrls.shortName(type)
            + " resource sent unpatched: " + e.getMessage()).withResource(cls.getSimpleName(), "", r.name()));
        continue;
      }
      if (patched.isEmpty()) {
        out.remove(type, r.name());
      } else if (!patched.get().equals(message)) {
        out.remove(type, r.name());
        String name = nameOf(patched.get(), r.name());
        out.add(XdsResource.of(name, patched.get()));
      }
    }
  }

  private static String nameOf(Message m, String fallback) {
    if (m instanceof Cluster c) {
      return c.getName();
    }
    if (m instanceof Listener l) {
      return l.getName();
    }
    if (m instanceof RouteConfiguration rc) {
      return rc.getName();
    }
    return fallback;
  }
}
