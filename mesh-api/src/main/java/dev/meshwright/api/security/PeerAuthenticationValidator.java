package dev.meshwright.api.security;

import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.validation.PolicyTargets;

/**
 * Istio's PeerAuthentication rules: selector labels (a selector without labels only warns), and port-level
 * mTLS only with a selector and never for port 0 (like Istio, ports above 65535 pass). Stateless.
 */
final class PeerAuthenticationValidator implements Validator<PeerAuthentication> {
  @Override
  public void validate(PeerAuthentication resource, Problems problems) {
    PeerAuthenticationSpec spec = resource.spec();
    Problems p = problems.at("spec");
    spec.selector().ifPresent(s -> PolicyTargets.workloadSelector(s, p.at("selector")));
    if (spec.portLevelMtls().isEmpty()) {
      return;
    }
    if (spec.selector().map(s -> s.matchLabels().isEmpty()).orElse(true)) {
      p.at("portLevelMtls").error(
          "mesh/namespace peer authentication cannot have port level mTLS");
    }
    spec.portLevelMtls().keySet().stream().sorted().forEach(port -> {
      if (port == 0) {
        p.at("portLevelMtls").key(String.valueOf(port)).error("port cannot be 0");
      } else if (port < 0) {
        // Istio reads the keys as uint32, so a negative port never gets this far there.
        p.at("portLevelMtls").key(String.valueOf(port)).error("port " + port + " is not a valid uint32");
      }
    });
  }
}
