package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.validation.Checks;
import java.util.Optional;

/**
 * Istio's WorkloadGroup rules: a template is required, metadata labels must be valid, and the probe has
 * non-negative timings and one well-formed method. The template itself is not checked like a
 * WorkloadEntry (its address is filled in later).
 */
final class WorkloadGroupValidator implements Validator<WorkloadGroup> {
  @Override
  public void validate(WorkloadGroup resource, Problems problems) {
    WorkloadGroupSpec spec = resource.spec();
    Problems p = problems.at("spec");
    if (spec.template().isEmpty()) {
      p.at("template").error("template is required");
      return;
    }
    if (spec.metadata().isPresent()) {
      Problems labelProblems = Problems.root();
      Checks.labels(spec.metadata().get().labels(), labelProblems);
      if (!labelProblems.all().isEmpty()) {
        Problems at = p.at("metadata").at("labels");
        labelProblems.all().forEach(d -> at.error("invalid labels: " + d.message()));
        return;
      }
    }
    spec.probe().ifPresent(probe -> probe(probe, p.at("probe")));
  }

  private static void probe(ReadinessProbe probe, Problems p) {
    nonNegative(probe.periodSeconds(), "periodSeconds", p);
    nonNegative(probe.initialDelaySeconds(), "initialDelaySeconds", p);
    nonNegative(probe.timeoutSeconds(), "timeoutSeconds", p);
    nonNegative(probe.successThreshold(), "successThreshold", p);
    nonNegative(probe.failureThreshold(), "failureThreshold", p);
    if (probe.httpGet().isPresent()) {
      HTTPHealthCheckConfig h = probe.httpGet().get();
      Checks.port(h.port().orElse(0), p.at("httpGet").at("port"));
      // Istio compares with Kubernetes' URIScheme constants (upper case), whatever its message says
      String scheme = h.scheme().orElse("");
      if (!scheme.isEmpty() && !scheme.equals("HTTP") && !scheme.equals("HTTPS")) {
        p.at("httpGet").at("scheme").error("httpGet.scheme must be one of \"http\", \"https\"");
      }
      for (int i = 0; i < h.httpHeaders().size(); i++) {
        if (h.httpHeaders().get(i).name().orElse("").isEmpty()) {
          p.at("httpGet").at("httpHeaders", i).at("name").error("header name cannot be empty");
        }
      }
    } else if (probe.tcpSocket().isPresent()) {
      Checks.port(probe.tcpSocket().get().port().orElse(0), p.at("tcpSocket").at("port"));
    } else if (probe.exec().isPresent()) {
      if (probe.exec().get().command().isEmpty()) {
        p.at("exec").at("command").error("exec.command is required");
      }
    } else {
      p.error("unknown health check method <nil>");
    }
  }

  private static void nonNegative(Optional<Integer> value, String field, Problems p) {
    if (value.orElse(0) < 0) {
      p.at(field).error(field + " must be non-negative");
    }
  }
}
