package dev.meshwright.xds.route;

import com.google.protobuf.BoolValue;
import com.google.protobuf.UInt32Value;
import dev.meshwright.api.networking.Destination;
import dev.meshwright.api.networking.HTTPMirrorPolicy;
import dev.meshwright.api.networking.HTTPRewrite;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.HTTPRouteDestination;
import io.envoyproxy.envoy.config.core.v3.RuntimeFractionalPercent;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatchAndSubstitute;
import java.time.Duration;
import java.util.Optional;

/**
 * The forwarding action of a VirtualService rule: retries (the rule's, else the mesh default, else Istio's), the
 * timeout (0 when unset; {@code max_grpc_timeout} mirrors it, proxyless gRPC gets {@code max_stream_duration}), path
 * and authority rewrites, mirrors with their percentages, and the destination: one cluster, or weighted clusters
 * (0-weight entries dropped) with per-destination headers. Stateless.
 */
final class RouteActions {
  private RouteActions() {}

  static RouteAction of(HTTPRoute rule, Route.Builder route, Optional<String> authority, RouteContext ctx,
      Semantics semantics) {
    RouteAction.Builder action = RouteAction.newBuilder();
    Retries.convert(rule.retries().or(() -> ctx.meshConfig().defaultHttpRetryPolicy()))
        .ifPresent(action::setRetryPolicy);
    timeout(action, rule.timeout(), ctx.proxy().isProxylessGrpc());
    if (semantics == Semantics.GATEWAY_API) {
      action.setClusterNotFoundResponseCode(RouteAction.ClusterNotFoundResponseCode.INTERNAL_SERVER_ERROR);
    }
    if (rule.rewrite().isPresent()) {
      HTTPRewrite rw = rule.rewrite().get();
      if (rw.uriRegexRewrite().isPresent()) {
        action.setRegexRewrite(RegexMatchAndSubstitute.newBuilder()
            .setPattern(StringMatchers.regex(rw.uriRegexRewrite().get().match().orElse("")))
            .setSubstitution(rw.uriRegexRewrite().get().rewrite().orElse("")));
      } else if (rw.uri().filter(u -> !u.isEmpty()).isPresent()) {
        String uri = rw.uri().get();
        if (semantics == Semantics.GATEWAY_API && uri.equals("/")) {
          action.setRegexRewrite(RegexMatchAndSubstitute.newBuilder()
              .setPattern(StringMatchers.regex(
                  "^" + quoteMeta(route.getMatch().getPathSeparatedPrefix()) + "(/?)(.*)"))
              .setSubstitution("/\\2"));
        } else {
          action.setPrefixRewrite(uri);
        }
      }
      if (rw.authority().filter(a -> !a.isEmpty()).isPresent()) {
        authority = rw.authority();
      }
    }
    authority.filter(a -> !a.isEmpty()).ifPresent(action::setHostRewriteLiteral);
    rule.mirror().ifPresent(m -> mirrorPercent(rule)
        .ifPresent(p -> action.addRequestMirrorPolicies(mirror(m, ctx, p))));
    for (HTTPMirrorPolicy m : rule.mirrors()) {
      if (m.destination().isPresent()) {
        mirrorPercent(m).ifPresent(p -> action.addRequestMirrorPolicies(mirror(m.destination().get(), ctx, p)));
      }
    }
    if (rule.route().size() == 1) {
      single(rule.route().get(0), route, action, ctx);
    } else {
      WeightedCluster.Builder weighted = WeightedCluster.newBuilder();
      for (HTTPRouteDestination d : rule.route()) {
        if (d.weight().orElse(0) == 0) {
          continue;
        }
        weighted.addClusters(weighted(d, ctx));
        d.destination().flatMap(ctx.hashPolicies()::forDestination).ifPresent(action::addHashPolicy);
      }
      action.setWeightedClusters(weighted);
    }
    return action.build();
  }

  private static void single(HTTPRouteDestination d, Route.Builder route, RouteAction.Builder action,
      RouteContext ctx) {
    action.setCluster(cluster(d.destination(), ctx));
    d.destination().flatMap(ctx.hashPolicies()::forDestination).ifPresent(action::addHashPolicy);
    if (d.headers().isPresent()) {
      HeaderOperations ops = HeaderOperations.of(d.headers().get());
      route.addAllRequestHeadersToAdd(ops.requestToAdd()).addAllRequestHeadersToRemove(ops.requestToRemove())
          .addAllResponseHeadersToAdd(ops.responseToAdd()).addAllResponseHeadersToRemove(ops.responseToRemove());
      if (ops.authority().isPresent() && action.getHostRewriteSpecifierCase()
          == RouteAction.HostRewriteSpecifierCase.HOSTREWRITESPECIFIER_NOT_SET) {
        action.setHostRewriteLiteral(ops.authority().get());
      }
    }
  }

  private static WeightedCluster.ClusterWeight weighted(HTTPRouteDestination d, RouteContext ctx) {
    WeightedCluster.ClusterWeight.Builder out = WeightedCluster.ClusterWeight.newBuilder()
        .setName(cluster(d.destination(), ctx)).setWeight(UInt32Value.of(d.weight().orElse(0)));
    if (d.headers().isPresent()) {
      HeaderOperations ops = HeaderOperations.of(d.headers().get());
      out.addAllRequestHeadersToAdd(ops.requestToAdd()).addAllRequestHeadersToRemove(ops.requestToRemove())
          .addAllResponseHeadersToAdd(ops.responseToAdd()).addAllResponseHeadersToRemove(ops.responseToRemove());
      ops.authority().ifPresent(out::setHostRewriteLiteral);
    }
    return out.build();
  }

  private static String cluster(Optional<Destination> d, RouteContext ctx) {
    return Destinations.cluster(d.orElse(Destination.builder().build()), ctx.services(), ctx.listenPort());
  }

  private static RouteAction.RequestMirrorPolicy mirror(Destination d, RouteContext ctx,
      RuntimeFractionalPercent percent) {
    return RouteAction.RequestMirrorPolicy.newBuilder()
        .setCluster(Destinations.cluster(d, ctx.services(), ctx.listenPort()))
        .setRuntimeFraction(percent).setTraceSampled(BoolValue.of(false)).build();
  }

  /** {@code mirrorPercentage}, else the deprecated {@code mirrorPercent}, else 100%; an explicit 0 = no mirror. */
  private static Optional<RuntimeFractionalPercent> mirrorPercent(HTTPRoute rule) {
    if (rule.mirrorPercentage().isPresent()) {
      return rule.mirrorPercentage().get().value().orElse(0.0) > 0
          ? Optional.of(fraction(Percents.of(rule.mirrorPercentage().get()))) : Optional.empty();
    }
    if (rule.mirrorPercent().isPresent()) {
      return rule.mirrorPercent().get() > 0
          ? Optional.of(fraction(Percents.ofInteger(rule.mirrorPercent().get()))) : Optional.empty();
    }
    return Optional.of(fraction(Percents.ofInteger(100)));
  }

  private static Optional<RuntimeFractionalPercent> mirrorPercent(HTTPMirrorPolicy m) {
    if (m.percentage().isPresent()) {
      return m.percentage().get().value().orElse(0.0) > 0
          ? Optional.of(fraction(Percents.of(m.percentage().get()))) : Optional.empty();
    }
    return Optional.of(fraction(Percents.ofInteger(100)));
  }

  private static RuntimeFractionalPercent fraction(io.envoyproxy.envoy.type.v3.FractionalPercent p) {
    return RuntimeFractionalPercent.newBuilder().setDefaultValue(p).build();
  }

  /** Istio's timeout rule: the given timeout or 0; gRPC proxyless via max_stream_duration, else max_grpc_timeout. */
  @SuppressWarnings("deprecation")
  static void timeout(RouteAction.Builder action, Optional<Duration> timeout, boolean proxylessGrpc) {
    com.google.protobuf.Duration t = timeout.map(Durations::of).orElse(Durations.ZERO);
    action.setTimeout(t);
    if (proxylessGrpc) {
      action.setMaxStreamDuration(RouteAction.MaxStreamDuration.newBuilder().setMaxStreamDuration(t));
    } else {
      action.setMaxGrpcTimeout(t);
    }
  }

  /** {@code s} with every RE2 metacharacter backslash-escaped, as Go's {@code regexp.QuoteMeta}. */
  static String quoteMeta(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
