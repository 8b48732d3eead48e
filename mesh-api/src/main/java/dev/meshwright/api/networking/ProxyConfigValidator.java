package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.validation.Checks;

/** Istio's ProxyConfig rules: selector labels, and a concurrency that is not negative. */
final class ProxyConfigValidator implements Validator<ProxyConfig> {
  @Override
  public void validate(ProxyConfig resource, Problems problems) {
    ProxyConfigSpec spec = resource.spec();
    Problems p = problems.at("spec");
    spec.selector().ifPresent(s -> {
      Checks.workloadSelector(s.matchLabels(), p.at("selector"));
      if (s.matchLabels().isEmpty()) {
        p.at("selector").warning("workload selector specified without labels");
      }
    });
    if (spec.concurrency().orElse(0) < 0) {
      p.at("concurrency").error("concurrency must be greater than or equal to 0");
    }
  }
}
