package dev.meshwright.xds.cluster;

import dev.meshwright.api.networking.DestinationRuleSpec;
import dev.meshwright.api.networking.Subset;
import dev.meshwright.api.networking.TrafficPolicy;
import dev.meshwright.model.registry.Labels;
import dev.meshwright.model.snapshot.MergedDestinationRule;
import dev.meshwright.xds.ProxyContext;
import java.util.List;
import java.util.Optional;

/**
 * The one merged DestinationRule a proxy applies to a host, as istiod's sidecar scope picks it: among the merged
 * rules for the host, the first whose workload selector matches the proxy's labels, else the first without a
 * selector. Plus the lookups of subsets and of the policy of one cluster. Pure and thread-safe.
 */
public final class DestinationRules {
  private DestinationRules() {}

  /**
   * The rule {@code ctx}'s proxy applies to outbound traffic for {@code host}, if any: a rule of the proxy's
   * namespace whose workload selector matches the proxy, else the rule without a selector.
   */
  public static Optional<MergedDestinationRule> forHost(ProxyContext ctx, String host) {
    List<MergedDestinationRule> rules = ctx.snapshot().destinationRules(ctx.proxy().namespace(), host);
    for (MergedDestinationRule r : rules) {
      if (r.spec().workloadSelector().isPresent() && namespace(r).equals(ctx.proxy().namespace())
          && Labels.matches(r.spec().workloadSelector().get().matchLabels(), ctx.labels())) {
        return Optional.of(r);
      }
    }
    return catchAll(rules);
  }

  /** The rule for the proxy's own inbound clusters of {@code host}: selectors are ignored inbound. */
  public static Optional<MergedDestinationRule> forInbound(ProxyContext ctx, String host) {
    return catchAll(ctx.snapshot().destinationRules(ctx.proxy().namespace(), host));
  }

  private static Optional<MergedDestinationRule> catchAll(List<MergedDestinationRule> rules) {
    MergedDestinationRule last = null;
    for (MergedDestinationRule r : rules) {
      if (r.spec().workloadSelector().isEmpty()) {
        last = r;
      }
    }
    return Optional.ofNullable(last);
  }

  private static String namespace(MergedDestinationRule r) {
    String first = r.from().isEmpty() ? "" : r.from().get(0);
    int slash = first.indexOf('/');
    return slash < 0 ? "" : first.substring(0, slash);
  }

  /** The subset named {@code name} of {@code spec}; empty for the default cluster (empty name) or an unknown one. */
  public static Optional<Subset> subset(DestinationRuleSpec spec, String name) {
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return spec.subsets().stream().filter(s -> s.name().orElse("").equals(name)).findFirst();
  }

  /** The effective policy of cluster ({@code port}, {@code subset}) under {@code rule}. */
  public static EffectivePolicy policy(Optional<MergedDestinationRule> rule, int port, String subset) {
    if (rule.isEmpty()) {
      return EffectivePolicy.NONE;
    }
    Optional<TrafficPolicy> top = rule.get().spec().trafficPolicy();
    if (subset.isEmpty()) {
      return EffectivePolicy.forPort(top, port);
    }
    return EffectivePolicy.forSubset(top, subset(rule.get().spec(), subset).flatMap(Subset::trafficPolicy), port);
  }

  /**
   * The API path Istio puts in cluster metadata {@code istio.config} for the rule:
   * {@code /apis/networking.istio.io/v1alpha3/namespaces/<ns>/destination-rule/<name>} of the first merged rule.
   */
  public static String configPath(MergedDestinationRule rule) {
    String first = rule.from().isEmpty() ? "" : rule.from().get(0);
    int slash = first.indexOf('/');
    String ns = slash < 0 ? "" : first.substring(0, slash);
    String name = slash < 0 ? first : first.substring(slash + 1);
    return "/apis/networking.istio.io/v1alpha3/namespaces/" + ns + "/destination-rule/" + name;
  }
}
