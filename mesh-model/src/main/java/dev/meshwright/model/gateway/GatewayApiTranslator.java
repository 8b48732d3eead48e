package dev.meshwright.model.gateway;

import dev.meshwright.api.networking.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TCPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TCPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TCPRouteStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRouteStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Converts Kubernetes Gateway API objects into Istio Gateways and VirtualServices plus the status of every
 * input, with Istio 1.22's gateway controller semantics: one Istio Gateway per listener, one VirtualService
 * per (listener, hostname) for HTTP and gRPC routes ordered by match specificity, per-parent route status
 * with ReferenceGrant, hostname, sectionName/port and allowedRoutes checks.
 *
 * <pre>{@code
 * GatewayApiResult r = new GatewayApiTranslator(env).translate(resources);
 * r.config();    // Istio resources
 * r.statuses();  // status per input object
 * }</pre>
 *
 * <p>Pure and deterministic: the same inputs and clock give the same output. Problems in the input never
 * throw; they become status conditions (and, as Istio does, sometimes deliberately invalid routes).
 * Instances are immutable and thread-safe.
 */
public final class GatewayApiTranslator {
  private static final String HTTP_GVK = GatewayApiObjects.GROUP + "/v1beta1/HTTPRoute";
  private static final String GRPC_GVK = GatewayApiObjects.GROUP + "/v1/GRPCRoute";
  private static final String TCP_GVK = GatewayApiObjects.GROUP + "/v1alpha2/TCPRoute";
  private static final String TLS_GVK = GatewayApiObjects.GROUP + "/v1alpha2/TLSRoute";

  private final GatewayEnvironment env;

  /** A translator for one cluster environment. */
  public GatewayApiTranslator(GatewayEnvironment env) {
    this.env = Objects.requireNonNull(env, "env");
  }

  /** Converts {@code resources}. Never throws for bad input. */
  public GatewayApiResult translate(GatewayApiResources resources) {
    ConversionContext ctx = new ConversionContext(env, new ReferenceGrants(resources.referenceGrants()), resources);
    Map<GatewayClass, GatewayClassStatus> classStatus = new IdentityHashMap<>();
    Map<String, String> classes = GatewayClasses.resolve(resources.gatewayClasses(), ctx, classStatus);
    GatewayConverter gateways = new GatewayConverter(ctx);
    gateways.convert(classes);

    L4VirtualServices l4 = new L4VirtualServices(ctx, gateways.parents);
    Map<Object, List<RouteParentStatus>> routeStatus = new IdentityHashMap<>();
    for (TCPRoute r : resources.tcpRoutes()) {
      List<List<BackendRef>> rules = new ArrayList<>();
      for (TCPRouteRule rule : r.getSpec() == null ? List.<TCPRouteRule>of() : r.getSpec().getRules()) {
        rules.add(rule.getBackendRefs() == null ? List.of() : rule.getBackendRefs());
      }
      routeStatus.put(r, l4.addTcp(source(r, "TCPRoute", TCP_GVK, r.getSpec() == null ? null : r.getSpec().getParentRefs(),
          List.of()), rules));
    }
    for (TLSRoute r : resources.tlsRoutes()) {
      List<List<BackendRef>> rules = new ArrayList<>();
      for (TLSRouteRule rule : r.getSpec() == null ? List.<TLSRouteRule>of() : r.getSpec().getRules()) {
        rules.add(rule.getBackendRefs() == null ? List.of() : rule.getBackendRefs());
      }
      routeStatus.put(r, l4.addTls(source(r, "TLSRoute", TLS_GVK, r.getSpec() == null ? null : r.getSpec().getParentRefs(),
          r.getSpec() == null ? null : r.getSpec().getHostnames()), rules));
    }
    HttpVirtualServices http = new HttpVirtualServices(ctx, gateways.parents);
    List<HTTPRoute> httpRoutes = sorted(resources.httpRoutes());
    for (HTTPRoute r : httpRoutes) {
      RouteSource src = source(r, "HTTPRoute", HTTP_GVK, r.getSpec() == null ? null : r.getSpec().getParentRefs(),
          r.getSpec() == null ? null : r.getSpec().getHostnames());
      routeStatus.put(r, http.add(src, mesh -> httpRules(ctx, r, src, mesh)));
    }
    List<GRPCRoute> grpcRoutes = sorted(resources.grpcRoutes());
    for (GRPCRoute r : grpcRoutes) {
      RouteSource src = source(r, "GRPCRoute", GRPC_GVK, r.getSpec() == null ? null : r.getSpec().getParentRefs(),
          r.getSpec() == null ? null : r.getSpec().getHostnames());
      routeStatus.put(r, http.add(src, mesh -> grpcRules(ctx, r, src, mesh)));
    }
    gateways.parents.values().forEach(list -> list.forEach(ParentInfo::reportAttachedRoutes));

    List<VsDraft> drafts = new ArrayList<>(l4.drafts);
    drafts.addAll(http.drafts());
    drafts.sort(Comparator.comparing(VsDraft::key));
    List<VirtualService> vs = drafts.stream().map(VsDraft::build).toList();
    return new GatewayApiResult(gateways.istioGateways, vs,
        statuses(resources, classStatus, gateways.statuses, routeStatus, httpRoutes, grpcRoutes));
  }

  private static List<ObjectStatus> statuses(GatewayApiResources in, Map<GatewayClass, GatewayClassStatus> classStatus,
      Map<Gateway, GatewayStatus> gwStatus, Map<Object, List<RouteParentStatus>> routeStatus,
      List<HTTPRoute> httpRoutes, List<GRPCRoute> grpcRoutes) {
    List<ObjectStatus> out = new ArrayList<>();
    in.gatewayClasses().forEach(c -> out.add(status(c, classStatus.getOrDefault(c, new GatewayClassStatus()))));
    in.gateways().forEach(g -> out.add(status(g, gwStatus.getOrDefault(g, new GatewayStatus()))));
    httpRoutes.forEach(r -> out.add(status(r, new HTTPRouteStatus(routeStatus.get(r)))));
    grpcRoutes.forEach(r -> out.add(status(r, new GRPCRouteStatus(routeStatus.get(r)))));
    in.tlsRoutes().forEach(r -> out.add(status(r, new TLSRouteStatus(routeStatus.get(r)))));
    in.tcpRoutes().forEach(r -> out.add(status(r, new TCPRouteStatus(routeStatus.get(r)))));
    return out;
  }

  private static ObjectStatus status(HasMetadata obj, Object status) {
    return new ObjectStatus(obj.getApiVersion(), obj.getKind(), Fabric8Meta.namespace(obj.getMetadata()),
        Fabric8Meta.name(obj.getMetadata()), status);
  }

  private static HttpVirtualServices.Rules httpRules(ConversionContext ctx, HTTPRoute r, RouteSource src, boolean mesh) {
    return rules(r.getSpec().getRules(), HTTPRouteRule::getMatches,
        (rule, m, n) -> HttpRules.convert(ctx, rule, m, src.namespace(), src.name(), n, !mesh));
  }

  private static HttpVirtualServices.Rules grpcRules(ConversionContext ctx, GRPCRoute r, RouteSource src, boolean mesh) {
    return rules(r.getSpec().getRules(), GRPCRouteRule::getMatches,
        (rule, m, n) -> GrpcRules.convert(ctx, rule, m, src.namespace(), src.name(), n, !mesh));
  }

  /** Converts one route rule with one of its matches (null when it has none) at rule position {@code n}. */
  private interface RuleConversion<R, M> {
    HttpRules.Converted convert(R rule, M match, int n);
  }

  /**
   * The routes of an HTTPRoute or GRPCRoute: one per (rule, match), a rule without matches once with a null match.
   * A conversion without a route voids the whole route object with its error; otherwise the last error is kept.
   */
  private static <R, M> HttpVirtualServices.Rules rules(List<R> rules, Function<R, List<M>> matchesOf,
      RuleConversion<R, M> conversion) {
    SharedRoutes<dev.meshwright.api.networking.HTTPRoute> routes = SharedRoutes.empty();
    ConfigError error = null;
    List<R> all = rules == null ? List.of() : rules;
    for (int n = 0; n < all.size(); n++) {
      R rule = all.get(n);
      List<M> matches = matchesOf.apply(rule);
      for (M m : matches == null || matches.isEmpty() ? Collections.<M>singletonList(null) : matches) {
        HttpRules.Converted c = conversion.convert(rule, m, n);
        if (c.route() == null) {
          return new HttpVirtualServices.Rules(SharedRoutes.empty(), c.error());
        }
        if (c.error() != null) {
          error = c.error();
        }
        routes = routes.append(c.route());
      }
    }
    return new HttpVirtualServices.Rules(routes, error);
  }

  private static RouteSource source(HasMetadata obj, String kind, String gvk, List<ParentReference> parentRefs,
      List<String> hostnames) {
    return new RouteSource(kind, gvk, Fabric8Meta.namespace(obj.getMetadata()), Fabric8Meta.name(obj.getMetadata()),
        Fabric8Meta.creationTimestamp(obj.getMetadata()), Fabric8Meta.generation(obj.getMetadata()),
        parentRefs == null ? List.of() : parentRefs, hostnames == null ? List.of() : hostnames);
  }

  /** Routes by creation time, then {@code namespace/name}, as the controller processes them. */
  private static <T extends HasMetadata> List<T> sorted(List<T> routes) {
    Function<T, String> key = r -> Fabric8Meta.namespace(r.getMetadata()) + "/" + Fabric8Meta.name(r.getMetadata());
    List<T> out = new ArrayList<>(routes);
    out.sort(Comparator.comparing((T r) -> Fabric8Meta.creationTimestamp(r.getMetadata())).thenComparing(key));
    return out;
  }
}
