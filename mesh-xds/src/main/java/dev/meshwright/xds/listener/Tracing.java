package dev.meshwright.xds.listener;

import dev.meshwright.api.mesh.ProxyConfig;
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

/**
 * Connection-manager tracing from the mesh config when no Telemetry resource configures it (istiod's legacy path in
 * pilot/pkg/networking/core/tracing.go): enabled by {@code enableTracing}, client and overall sampling 100%, random
 * sampling from ProxyConfig {@code tracing.sampling} (1% by default), Istio's service and dry-run tags plus the
 * ProxyConfig custom tags, sorted by name. The provider itself is the bootstrap's, so none is set. Stateless.
 */
final class Tracing {
  private Tracing() {}

  private static final double DEFAULT_SAMPLING = 1.0;

  static Optional<HttpConnectionManager.Tracing> of(ProxyMeta meta) {
    if (!meta.mesh().enableTracing().orElse(true)) {
      return Optional.empty();
    }
    ProxyConfig pc = meta.proxyConfig();
    Optional<dev.meshwright.api.mesh.Tracing> t = pc.tracing();
    double sampling = t.flatMap(dev.meshwright.api.mesh.Tracing::sampling).filter(s -> s != 0.0)
        .map(s -> s > 100.0 ? 1.0 : s).orElse(DEFAULT_SAMPLING);
    HttpConnectionManager.Tracing.Builder b = HttpConnectionManager.Tracing.newBuilder()
        .setClientSampling(Percent.newBuilder().setValue(100.0))
        .setRandomSampling(Percent.newBuilder().setValue(sampling))
        .setOverallSampling(Percent.newBuilder().setValue(100.0));
    List<CustomTag> tags = new ArrayList<>(serviceTags(meta));
    tags.add(dryRun("istio.authorization.dry_run.allow_policy.name", "istio_dry_run_allow_shadow_effective_policy_id"));
    tags.add(dryRun("istio.authorization.dry_run.allow_policy.result", "istio_dry_run_allow_shadow_engine_result"));
    tags.add(dryRun("istio.authorization.dry_run.deny_policy.name", "istio_dry_run_deny_shadow_effective_policy_id"));
    tags.add(dryRun("istio.authorization.dry_run.deny_policy.result", "istio_dry_run_deny_shadow_engine_result"));
    t.map(dev.meshwright.api.mesh.Tracing::customTags).orElse(Map.of()).forEach((name, tag) -> custom(name, tag)
        .ifPresent(tags::add));
    tags.sort(Comparator.comparing(CustomTag::getTag));
    b.addAllCustomTags(tags);
    t.flatMap(dev.meshwright.api.mesh.Tracing::maxPathTagLength).filter(n -> n != 0)
        .ifPresent(n -> b.setMaxPathTagLength(com.google.protobuf.UInt32Value.of(n)));
    return Optional.of(b.build());
  }

  private static List<CustomTag> serviceTags(ProxyMeta meta) {
    Map<String, String> labels = meta.proxy().labels();
    return List.of(
        literal("istio.canonical_revision", labels.getOrDefault("service.istio.io/canonical-revision", "latest")),
        literal("istio.canonical_service", labels.getOrDefault("service.istio.io/canonical-name", "unknown")),
        literal("istio.mesh_id", meta.proxy().meta("MESH_ID").orElse("unknown")),
        literal("istio.namespace", meta.proxy().meta("NAMESPACE").orElse("default")),
        literal("istio.cluster_id", meta.proxy().meta("CLUSTER_ID").orElse("unknown")));
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
