package dev.meshwright.xds.route;

import com.google.protobuf.BoolValue;
import dev.meshwright.api.networking.CorsPolicy;
import io.envoyproxy.envoy.config.core.v3.RuntimeFractionalPercent;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;

/**
 * VirtualService {@code corsPolicy} to the per-route config of {@code envoy.filters.http.cors}: origins as string
 * matchers ({@code allowOrigins}, else the deprecated exact {@code allowOrigin}), lists joined with commas, max age
 * in whole seconds, the filter enabled for 100%. Stateless.
 */
public final class Cors {
  private Cors() {}

  /** The HTTP filter name the per-route config is keyed by. */
  public static final String FILTER = "envoy.filters.http.cors";

  /** The Envoy CORS policy. */
  public static io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy of(CorsPolicy in) {
    var out = io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy.newBuilder();
    if (!in.allowOrigins().isEmpty()) {
      in.allowOrigins().forEach(m -> StringMatchers.of(m).ifPresent(out::addAllowOriginStringMatch));
    } else {
      in.allowOrigin().forEach(o -> out.addAllowOriginStringMatch(StringMatcher.newBuilder().setExact(o)));
    }
    out.setFilterEnabled(RuntimeFractionalPercent.newBuilder().setDefaultValue(Percents.ofInteger(100)));
    in.allowCredentials().ifPresent(c -> out.setAllowCredentials(BoolValue.of(c)));
    out.setAllowHeaders(String.join(",", in.allowHeaders()));
    out.setAllowMethods(String.join(",", in.allowMethods()));
    out.setExposeHeaders(String.join(",", in.exposeHeaders()));
    in.maxAge().ifPresent(a -> out.setMaxAge(Long.toString(a.getSeconds())));
    return out.build();
  }
}
