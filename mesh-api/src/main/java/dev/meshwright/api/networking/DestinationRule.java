package dev.meshwright.api.networking;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import org.immutables.value.Value;

/**
 * A networking.istio.io DestinationRule: what happens to traffic for a service after routing (subsets,
 * load balancing, connection pools, outlier detection, TLS). Immutable.
 *
 * <pre>{@code
 * DestinationRule reviews = DestinationRule.builder()
 *     .metadata(ObjectMeta.of("reviews", "default"))
 *     .spec(DestinationRuleSpec.builder()
 *         .host("reviews")
 *         .addSubset(Subset.builder().name("v1").putLabel("version", "v1").build())
 *         .build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface DestinationRule extends IstioResource<DestinationRuleSpec> {
  ResourceKind<DestinationRule, DestinationRuleSpec> KIND =
      ResourceKind.builder(DestinationRule.class, DestinationRuleSpec.class)
          .group("networking.istio.io")
          .kind("DestinationRule")
          .versions("v1", "v1beta1", "v1alpha3")
          .factory((v, m, s, st) -> builder().apiVersion(v).metadata(m).spec(s).status(st).build())
          .validator(new DestinationRuleValidator())
          .build();

  @Override
  DestinationRuleSpec spec();

  @Override
  default ResourceKind<DestinationRule, DestinationRuleSpec> resourceKind() {
    return KIND;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DestinationRule}. */
  final class Builder extends ImmutableDestinationRule.Builder {}
}
