package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.type.WorkloadSelector;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The spec of a {@link ProxyConfig} ({@code istio.networking.v1beta1.ProxyConfig}): per-workload proxy
 * settings that override the mesh-wide defaults. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableProxyConfigSpec.class)
@JsonDeserialize(as = ImmutableProxyConfigSpec.class)
public interface ProxyConfigSpec {
  /** The workloads this applies to; every workload of the namespace (or mesh, in the root namespace) when absent. */
  Optional<WorkloadSelector> selector();

  /** Worker threads of the proxy; 0 means one per core. */
  Optional<Integer> concurrency();

  /** Extra environment variables of the proxy process. */
  Map<String, String> environmentVariables();

  /** Which proxy image variant to inject. */
  Optional<ProxyImage> image();

  /** The proxy image variant ({@code istio.networking.v1beta1.ProxyImage}). Immutable. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableProxyImage.class)
  @JsonDeserialize(as = ImmutableProxyImage.class)
  interface ProxyImage {
    /** The image type, e.g. {@code default}, {@code debug} or {@code distroless}. */
    Optional<String> imageType();

    static ProxyImage of(String imageType) {
      return builder().imageType(imageType).build();
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link ProxyImage}. */
    final class Builder extends ImmutableProxyImage.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ProxyConfigSpec}. */
  final class Builder extends ImmutableProxyConfigSpec.Builder {}
}
