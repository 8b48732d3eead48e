package dev.meshwright.api.extensions;

import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.validation.GoUrl;
import dev.meshwright.api.validation.PolicyTargets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Istio's WasmPlugin rules: selector or target references, a URL that parses with a supported scheme, a
 * well-formed SHA-256, unique named VM environment variables and match ports in range. Like Istio, only the
 * first problem of the VM config and of the match list is reported. Stateless.
 */
final class WasmPluginValidator implements Validator<WasmPlugin> {
  private static final Set<String> SCHEMES = Set.of("", "file", "http", "https", "oci");

  @Override
  public void validate(WasmPlugin resource, Problems problems) {
    WasmPluginSpec spec = resource.spec();
    Problems p = problems.at("spec");
    PolicyTargets.check(spec.selector(), spec.targetRef(), spec.targetRefs(), p);
    url(spec.url().orElse(""), p.at("url"));
    spec.sha256().filter(s -> !s.isEmpty()).ifPresent(s -> sha256(s, p.at("sha256")));
    spec.vmConfig().ifPresent(vm -> vmConfig(vm.env(), p.at("vmConfig").at("env")));
    match(spec.match(), p.at("match"));
  }

  private static void url(String url, Problems p) {
    if (url.isEmpty()) {
      p.error("url field needs to be set");
      return;
    }
    GoUrl.Parsed parsed = GoUrl.parse(url);
    if (parsed.url().isEmpty()) {
      p.error("failed to parse url: " + parsed.error());
    } else if (!SCHEMES.contains(parsed.url().get().scheme())) {
      p.error("url contains unsupported scheme: " + parsed.url().get().scheme());
    }
  }

  private static void sha256(String sha, Problems p) {
    if (sha.length() != 64) {
      p.error("sha256 field must be 64 characters long");
    } else if (!sha.chars().allMatch(c -> (c >= 'a' && c <= 'f') || (c >= '0' && c <= '9'))) {
      p.error("sha256 field must match [a-f0-9]{64} pattern");
    }
  }

  private static void vmConfig(List<EnvVar> env, Problems p) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < env.size(); i++) {
      String name = env.get(i).name().orElse("");
      if (name.isEmpty()) {
        p.index(i).at("name").error("spec.vmConfig.env invalid");
        return;
      }
      if (!names.add(name)) {
        p.index(i).at("name").error("duplicate env");
        return;
      }
    }
  }

  private static void match(List<TrafficSelector> match, Problems p) {
    for (int i = 0; i < match.size(); i++) {
      List<TrafficSelector.PortSelector> ports = match.get(i).ports();
      for (int j = 0; j < ports.size(); j++) {
        int number = ports.get(j).number().orElse(0);
        if (number <= 0 || number > 65535) {
          p.index(i).at("ports", j).at("number")
              .error("spec.Match[" + i + "].Ports[" + j + "] is out of range: " + number);
          return;
        }
      }
    }
  }
}
