package dev.meshwright.xds.envoyfilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.networking.EnvoyFilter;
import dev.meshwright.api.networking.EnvoyFilterConfigObjectMatch;
import dev.meshwright.api.networking.EnvoyFilterConfigObjectPatch;
import dev.meshwright.api.networking.EnvoyFilterPatch;
import dev.meshwright.api.networking.EnvoyFilterPatch.Operation;
import dev.meshwright.api.networking.EnvoyFilterSpec.ApplyTo;
import dev.meshwright.api.networking.EnvoyFilterSpec.PatchContext;
import dev.meshwright.xds.EnvoyTypes;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.TypedExtensionConfig;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns an EnvoyFilter into {@link Patch}es: each patch value (Istio's JSON form of the Envoy proto, with
 * {@code @type} in typed configs) is parsed strictly into the message its {@code applyTo} implies, and the proxy
 * version regex is compiled. A value that does not parse (an unknown field, an unknown or mismatched {@code @type},
 * a wrong value type) or a regex that does not compile makes the whole EnvoyFilter unusable: it yields no patches
 * and one error diagnostic naming the EnvoyFilter and the patch index, so nothing of it is half-applied. Stateless.
 */
final class PatchCompiler {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The patches of one EnvoyFilter, or why it has none. */
  record Compiled(List<Patch> patches, List<Diagnostic> diagnostics) {
    Compiled {
      patches = List.copyOf(patches);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private PatchCompiler() {}

  static Compiled compile(EnvoyFilter filter) {
    String ref = filter.namespace() + "/" + filter.name();
    List<Patch> out = new ArrayList<>();
    List<EnvoyFilterConfigObjectPatch> patches = filter.spec().configPatches();
    for (int i = 0; i < patches.size(); i++) {
      EnvoyFilterConfigObjectPatch cp = patches.get(i);
      if (cp.patch().isEmpty() || cp.applyTo().isEmpty() || cp.applyTo().get() == ApplyTo.INVALID) {
        continue; // validation reports these; istiod skips them too
      }
      ApplyTo applyTo = cp.applyTo().get();
      EnvoyFilterPatch p = cp.patch().get();
      Operation op = normalise(applyTo, p.operation().orElse(Operation.INVALID));
      EnvoyFilterConfigObjectMatch match = cp.match()
          .orElseGet(() -> EnvoyFilterConfigObjectMatch.builder().context(PatchContext.ANY).build());
      try {
        Optional<Message> value = p.value().isEmpty() && op == Operation.REMOVE
            ? Optional.empty() : Optional.of(parse(applyTo, p.value().orElse(Map.of())));
        out.add(new Patch(ref, i, applyTo, op, match, value, versionPattern(match)));
      } catch (InvalidProtocolBufferException | JsonProcessingException | PatternSyntaxException e) {
        String field = e instanceof PatternSyntaxException ? "match.proxy.proxyVersion" : "patch.value";
        String what = e instanceof PatternSyntaxException ? "proxy version regex does not compile: "
            : applyTo + " value does not parse: ";
        return new Compiled(List.of(), List.of(Diagnostic.error("spec.configPatches[" + i + "]." + field,
            what + message(e) + "; the EnvoyFilter is not applied")
            .withResource("EnvoyFilter", filter.namespace(), filter.name())));
      }
    }
    return new Compiled(out, List.of());
  }

  /** istiod's rule: INSERT_* only has a position among listener, network and HTTP filters and routes. */
  private static Operation normalise(ApplyTo applyTo, Operation op) {
    boolean insert = op == Operation.INSERT_BEFORE || op == Operation.INSERT_AFTER || op == Operation.INSERT_FIRST;
    boolean ordered = applyTo == ApplyTo.HTTP_FILTER || applyTo == ApplyTo.NETWORK_FILTER
        || applyTo == ApplyTo.HTTP_ROUTE || applyTo == ApplyTo.LISTENER_FILTER;
    return insert && !ordered ? Operation.ADD : op;
  }

  private static Optional<Pattern> versionPattern(EnvoyFilterConfigObjectMatch match) {
    return match.proxy().flatMap(p -> p.proxyVersion()).filter(v -> !v.isEmpty()).map(Pattern::compile);
  }

  /** The value as the message {@code applyTo} implies. */
  static Message parse(ApplyTo applyTo, Map<String, Object> value)
      throws InvalidProtocolBufferException, JsonProcessingException {
    Message.Builder b = builderFor(applyTo).get();
    registerTypes(value);
    EnvoyTypes.get().parser().merge(JSON.writeValueAsString(value), b);
    return b.build();
  }

  private static Supplier<Message.Builder> builderFor(ApplyTo applyTo) {
    return switch (applyTo) {
      case LISTENER -> Listener::newBuilder;
      case FILTER_CHAIN -> FilterChain::newBuilder;
      case NETWORK_FILTER -> Filter::newBuilder;
      case HTTP_FILTER -> HttpFilter::newBuilder;
      case ROUTE_CONFIGURATION -> RouteConfiguration::newBuilder;
      case VIRTUAL_HOST -> VirtualHost::newBuilder;
      case HTTP_ROUTE -> Route::newBuilder;
      case CLUSTER -> Cluster::newBuilder;
      case EXTENSION_CONFIG -> TypedExtensionConfig::newBuilder;
      case BOOTSTRAP -> Bootstrap::newBuilder;
      case LISTENER_FILTER -> ListenerFilter::newBuilder;
      case INVALID -> throw new IllegalArgumentException("applyTo INVALID");
    };
  }

  /** Makes every {@code @type} the value names known to the JSON parser (Envoy types load on first use). */
  private static void registerTypes(Object node) {
    if (node instanceof Map<?, ?> map) {
      if (map.get("@type") instanceof String url) {
        EnvoyTypes.get().find(url);
      }
      map.values().forEach(PatchCompiler::registerTypes);
    } else if (node instanceof List<?> list) {
      list.forEach(PatchCompiler::registerTypes);
    }
  }

  private static String message(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
