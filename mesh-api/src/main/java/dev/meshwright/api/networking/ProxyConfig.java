package dev.meshwright.api.networking;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import org.immutables.value.Value;

/**
 * A networking.istio.io ProxyConfig: proxy settings (concurrency, environment, image) for the selected
 * workloads. Only {@code v1beta1} is served. Not to be confused with MeshConfig's {@code defaultConfig}.
 * Immutable.
 *
 * <pre>{@code
 * ProxyConfig twoThreads = ProxyConfig.builder()
 *     .metadata(ObjectMeta.of("per-workload", "bookinfo"))
 *     .spec(ProxyConfigSpec.builder().concurrency(2).build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface ProxyConfig extends IstioResource<ProxyConfigSpec> {
  ResourceKind<ProxyConfig, ProxyConfigSpec> KIND =
      ResourceKind.builder(ProxyConfig.class, ProxyConfigSpec.class)
          .group("networking.istio.io")
          .kind("ProxyConfig")
          .versions("v1beta1")
          .factory((v, m, s, st) -> builder().apiVersion(v).metadata(m).spec(s).status(st).build())
          .validator(new ProxyConfigValidator())
          .build();

  @Override
  ProxyConfigSpec spec();

  @Override
  default ResourceKind<ProxyConfig, ProxyConfigSpec> resourceKind() {
    return KIND;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ProxyConfig}. */
  final class Builder extends ImmutableProxyConfig.Builder {}
}
