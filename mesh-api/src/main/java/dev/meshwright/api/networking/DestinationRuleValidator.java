package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.type.WorkloadSelector;
import dev.meshwright.api.validation.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Istio's DestinationRule rules: the host, the traffic policy, subsets (unique DNS-label names, label syntax,
 * their own policies), exportTo (restricted to the own namespace with a workload selector) and the selector.
 */
final class DestinationRuleValidator implements Validator<DestinationRule> {
  @Override
  public void validate(DestinationRule resource, Problems problems) {
    DestinationRuleSpec spec = resource.spec();
    Problems p = problems.at("spec");
    Checks.wildcardDomain(spec.host().orElse("")).ifPresent(p.at("host")::error);
    spec.trafficPolicy().ifPresent(tp -> TrafficPolicyValidator.validate(tp, p.at("trafficPolicy")));
    Set<String> names = new HashSet<>();
    for (int i = 0; i < spec.subsets().size(); i++) {
      Subset subset = spec.subsets().get(i);
      Problems sp = p.at("subsets", i);
      String name = subset.name().orElse("");
      if (!names.add(name)) {
        sp.at("name").error("duplicate subset names: " + name);
      }
      subsetName(name).ifPresent(sp.at("name")::error);
      Checks.labels(subset.labels(), sp.at("labels"));
      subset.trafficPolicy().ifPresent(tp -> TrafficPolicyValidator.validate(tp, sp.at("trafficPolicy")));
    }
    String namespace = resource.namespace();
    Checks.exportTo(spec.exportTo(), namespace, Checks.NoneExport.FORBIDDEN, p.at("exportTo"));
    if (spec.workloadSelector().isPresent()) {
      selectorExport(spec.exportTo(), namespace, p.at("exportTo"));
    }
    spec.workloadSelector().ifPresent(s -> selector(s, p.at("workloadSelector")));
  }

  /** Istio's subset name rule, also used for route destinations. */
  static Optional<String> subsetName(String name) {
    if (name.isEmpty()) {
      return Optional.of("subset name cannot be empty");
    }
    return Checks.isDns1123Label(name) ? Optional.empty() : Optional.of("subset name is invalid: " + name);
  }

  /** A rule that selects workloads may only be visible in its own namespace. */
  private static void selectorExport(List<String> exportTo, String namespace, Problems p) {
    Set<String> keys = new HashSet<>();
    for (String e : exportTo) {
      String key = e.equals(".") ? namespace : e;
      if (key.equals("*") || Checks.isDns1123Label(key)) {
        keys.add(key);
      }
    }
    if (keys.isEmpty()) {
      return;
    }
    if (keys.contains(namespace)) {
      if (keys.size() > 1) {
        p.error("destination rule with workload selector cannot have multiple entries in exportTo");
      }
    } else {
      p.error("destination rule with workload selector cannot have exportTo beyond current namespace");
    }
  }

  private static void selector(WorkloadSelector selector, Problems p) {
    Checks.workloadSelector(selector.matchLabels(), p);
    if (selector.matchLabels().isEmpty()) {
      p.warning("workload selector specified without labels");
    }
  }
}
