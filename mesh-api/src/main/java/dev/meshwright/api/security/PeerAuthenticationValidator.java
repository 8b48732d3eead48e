package dev.meshwright.api.security;

import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.validation.Checks;

/** Istio's PeerAuthentication rules: selector labels, and port-level mTLS only with a selector and valid ports. */
final class PeerAuthenticationValidator implements Validator<PeerAuthentication> {
  @Override
  public void validate(PeerAuthentication resource, Problems problems) {
    PeerAuthenticationSpec spec = resource.spec();
    Problems p = problems.at("spec");
    spec.selector().ifPresent(s -> Checks.workloadSelector(s.matchLabels(), p.at("selector")));
    if (spec.portLevelMtls().isEmpty()) {
      return;
    }
    if (spec.selector().map(s -> s.matchLabels().isEmpty()).orElse(true)) {
      p.at("portLevelMtls").error(
          "mesh/namespace peer authentication cannot have port level mTLS");
    }
    spec.portLevelMtls().keySet().stream().sorted().forEach(port -> {
      if (port <= 0 || port > 65535) {
        p.at("portLevelMtls").key(String.valueOf(port)).error("port must be in range 1..65535");
      }
    });
  }
}
