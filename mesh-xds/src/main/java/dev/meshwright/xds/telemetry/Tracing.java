package dev.meshwright.xds.telemetry;

import dev.meshwright.api.mesh.ExtensionProvider;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.ProxyConfig;
import dev.meshwright.api.telemetry.TelemetrySpec;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.telemetry.Providers.ProviderException;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.type.metadata.v3.MetadataKey;
import io.envoyproxy.envoy.type.metadata.v3.MetadataKind;
import io.envoyproxy.envoy.type.tracing.v3.CustomTag;
import io.envoyproxy.envoy.type.v3.Percent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Connection-manager tracing as istiod 1.22 configures it (pilot/pkg/networking/core/tracing.go). When a Telemetry
 * resource that applies to the proxy, or the mesh's {@code defaultProviders.tracing}, configures tracing, the
 * listener's mode ({@link TracingSpecs}) picks the provider, whose tracer {@link TracingProviders} builds; random
 * sampling is the Telemetry's percentage, else ProxyConfig {@code tracing.sampling} (1% by default; 100% when the
 * provider samples itself); custom tags are the Telemetry's, else the ProxyConfig's; a disabled mode, or a
 * provider that cannot be configured (say, its service is not in the registry), gets no tracing. Otherwise the
 * legacy path applies: {@code enableTracing} on, the bootstrap's tracer (none is set here), ProxyConfig sampling
 * and tags. Both add Istio's service and dry-run tags, sort tags by name, and sample 100% of client and overall
 * traffic. Stateless; Telemetry results are shared per snapshot by proxies with the same inputs.
 */
public final class Tracing {
  private Tracing() {}

  private static final Logger LOG = Logger.getLogger(Tracing.class.getName());
  private static final double DEFAULT_SAMPLING = 1.0;

  /**
   * What a connection manager gets.
   *
   * @param tracing its tracing, or empty for none
   * @param useRequestIdForTraceSampling the UUID request-ID extension's setting when Telemetry chose it, else
   *     empty (istiod's default, {@code true})
   */
  public record Result(Optional<HttpConnectionManager.Tracing> tracing,
      Optional<Boolean> useRequestIdForTraceSampling) {
    static final Result NONE = new Result(Optional.empty(), Optional.empty());
  }

  private record Key(List<String> telemetries, ListenerClass listenerClass, Map<String, String> labels,
      ProxyConfig proxyConfig, String serviceCluster, Map<String, String> nodeMeta) {}

  /** The tracing of a connection manager of listener class {@code c} in {@code ctx}'s proxy. */
  public static Result of(ProxyContext ctx, ListenerClass c) {
    MeshConfig mesh = ctx.meshConfig();
    Sections<dev.meshwright.api.telemetry.Tracing> sections = Sections.of(ctx, TelemetrySpec::tracing);
    if (sections.isEmpty() && mesh.defaultProviders().map(d -> d.tracing().isEmpty()).orElse(true)) {
      return new Result(legacy(ctx.proxy(), mesh, ctx.proxyConfig()), Optional.empty());
    }
    Proxy p = ctx.proxy();
    Map<String, String> nodeMeta = Map.of("MESH_ID", p.meta("MESH_ID").orElse(""),
        "NAMESPACE", p.meta("NAMESPACE").orElse(""), "CLUSTER_ID", p.meta("CLUSTER_ID").orElse(""));
    Key key = new Key(sections.refs(), c, ctx.labels(), ctx.proxyConfig(), p.serviceCluster(), nodeMeta);
    return ctx.memo().get(key,
        () -> fromTelemetry(TracingSpecs.merge(sections.flat(), mesh).orElseThrow().forClass(c), ctx, p));
  }

  private static Result fromTelemetry(TracingSpecs.Spec spec, ProxyContext ctx, Proxy proxy) {
    if (spec.disabled()) {
      return Result.NONE;
    }
    ExtensionProvider provider = spec.provider().orElseThrow();
    TracingProviders.Tracer tracer;
    try {
      tracer = TracingProviders.of(provider, ctx.snapshot(), proxy.serviceCluster());
    } catch (ProviderException e) {
      LOG.warning("Not able to configure requested tracing provider \"" + provider.name().orElse("") + "\": "
          + e.getMessage());
      return Result.NONE;
    }
    ProxyConfig pc = ctx.proxyConfig();
    double sampling = tracer.customSampler() ? 100.0 : spec.sampling().orElseGet(() -> proxyConfigSampling(pc));
    List<CustomTag> custom = new ArrayList<>();
    if (spec.customTags().isEmpty()) {
      custom.addAll(proxyConfigTags(pc));
    } else {
      spec.customTags().forEach((name, tag) -> custom.add(telemetryTag(name, tag)));
    }
    return new Result(Optional.of(finish(tracer.tracing(), proxy, pc, sampling, custom)),
        Optional.of(spec.useRequestIdForTraceSampling()));
  }

  /** The legacy mesh-config path: {@code enableTracing} on, ProxyConfig sampling and tags, no provider. */
  private static Optional<HttpConnectionManager.Tracing> legacy(Proxy proxy, MeshConfig mesh, ProxyConfig pc) {
    if (!mesh.enableTracing().orElse(true)) {
      return Optional.empty();
    }
    return Optional.of(finish(HttpConnectionManager.Tracing.newBuilder(), proxy, pc, proxyConfigSampling(pc),
        proxyConfigTags(pc)));
  }

  /**
   * What both paths add: 100% client and overall sampling with {@code random} sampling, Istio's tags plus
   * {@code custom}, and the ProxyConfig's max path tag length when the provider set none.
   */
  private static HttpConnectionManager.Tracing finish(HttpConnectionManager.Tracing.Builder b, Proxy proxy,
      ProxyConfig pc, double random, List<CustomTag> custom) {
    b.setClientSampling(Percent.newBuilder().setValue(100.0))
        .setRandomSampling(Percent.newBuilder().setValue(random))
        .setOverallSampling(Percent.newBuilder().setValue(100.0));
    b.addAllCustomTags(tags(proxy, custom));
    if (!b.hasMaxPathTagLength()) {
      pc.tracing().flatMap(dev.meshwright.api.mesh.Tracing::maxPathTagLength).filter(n -> n != 0)
          .ifPresent(n -> b.setMaxPathTagLength(com.google.protobuf.UInt32Value.of(n)));
    }
    return b.build();
  }

  /** ProxyConfig {@code tracing.sampling}: 1% when unset or 0, and 1% for values above 100. */
  private static double proxyConfigSampling(ProxyConfig pc) {
    return pc.tracing().flatMap(dev.meshwright.api.mesh.Tracing::sampling).filter(s -> s != 0.0)
        .map(s -> s > 100.0 ? 1.0 : s).orElse(DEFAULT_SAMPLING);
  }

  private static List<CustomTag> proxyConfigTags(ProxyConfig pc) {
    List<CustomTag> out = new ArrayList<>();
    pc.tracing().map(dev.meshwright.api.mesh.Tracing::customTags).orElse(Map.of()).forEach((name, tag) ->
        custom(name, tag).ifPresent(out::add));
    return out;
  }

  /** Istio's service and dry-run tags plus {@code custom}, sorted by tag name. */
  private static List<CustomTag> tags(Proxy proxy, List<CustomTag> custom) {
    List<CustomTag> tags = new ArrayList<>(serviceTags(proxy));
    tags.add(dryRun("istio.authorization.dry_run.allow_policy.name", "istio_dry_run_allow_shadow_effective_policy_id"));
    tags.add(dryRun("istio.authorization.dry_run.allow_policy.result", "istio_dry_run_allow_shadow_engine_result"));
    tags.add(dryRun("istio.authorization.dry_run.deny_policy.name", "istio_dry_run_deny_shadow_effective_policy_id"));
    tags.add(dryRun("istio.authorization.dry_run.deny_policy.result", "istio_dry_run_deny_shadow_engine_result"));
    tags.addAll(custom);
    tags.sort(Comparator.comparing(CustomTag::getTag));
    return tags;
  }

  private static CustomTag telemetryTag(String name, dev.meshwright.api.telemetry.CustomTag tag) {
    CustomTag.Builder b = CustomTag.newBuilder().setTag(name);
    if (tag instanceof dev.meshwright.api.telemetry.CustomTag.OfLiteral l) {
      b.setLiteral(CustomTag.Literal.newBuilder().setValue(l.literal().value().orElse("")));
    } else if (tag instanceof dev.meshwright.api.telemetry.CustomTag.OfEnvironment e) {
      b.setEnvironment(CustomTag.Environment.newBuilder().setName(e.environment().name().orElse(""))
          .setDefaultValue(e.environment().defaultValue().orElse("")));
    } else if (tag instanceof dev.meshwright.api.telemetry.CustomTag.OfHeader h) {
      b.setRequestHeader(CustomTag.Header.newBuilder().setName(h.header().name().orElse(""))
          .setDefaultValue(h.header().defaultValue().orElse("")));
    }
    return b.build();
  }

  private static List<CustomTag> serviceTags(Proxy proxy) {
    Map<String, String> labels = proxy.labels();
    return List.of(
        literal("istio.canonical_revision", orElse(labels.get("service.istio.io/canonical-revision"), "latest")),
        literal("istio.canonical_service", orElse(labels.get("service.istio.io/canonical-name"), "unknown")),
        literal("istio.mesh_id", orElse(proxy.meta("MESH_ID").orElse(""), "unknown")),
        literal("istio.namespace", orElse(proxy.meta("NAMESPACE").orElse(""), "default")),
        literal("istio.cluster_id", orElse(proxy.meta("CLUSTER_ID").orElse(""), "unknown")));
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }

  private static CustomTag literal(String tag, String value) {
    return CustomTag.newBuilder().setTag(tag).setLiteral(CustomTag.Literal.newBuilder().setValue(value)).build();
  }

  private static CustomTag dryRun(String tag, String key) {
    return CustomTag.newBuilder().setTag(tag).setMetadata(CustomTag.Metadata.newBuilder()
        .setKind(MetadataKind.newBuilder().setRequest(MetadataKind.Request.getDefaultInstance()))
        .setMetadataKey(MetadataKey.newBuilder().setKey("envoy.filters.http.rbac")
            .addPath(MetadataKey.PathSegment.newBuilder().setKey(key)))).build();
  }

  private static Optional<CustomTag> custom(String name, dev.meshwright.api.mesh.Tracing.CustomTag tag) {
    CustomTag.Builder b = CustomTag.newBuilder().setTag(name);
    if (tag.literal().isPresent()) {
      b.setLiteral(CustomTag.Literal.newBuilder().setValue(tag.literal().get().value().orElse("")));
    } else if (tag.environment().isPresent()) {
      b.setEnvironment(CustomTag.Environment.newBuilder().setName(tag.environment().get().name().orElse(""))
          .setDefaultValue(tag.environment().get().defaultValue().orElse("")));
    } else if (tag.header().isPresent()) {
      b.setRequestHeader(CustomTag.Header.newBuilder().setName(tag.header().get().name().orElse(""))
          .setDefaultValue(tag.header().get().defaultValue().orElse("")));
    } else {
      return Optional.empty();
    }
    return Optional.of(b.build());
  }
}
