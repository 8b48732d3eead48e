package dev.meshwright.api.security;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.security.AuthorizationPolicySpec.Action;
import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.PolicyTargets;
import java.util.List;
import java.util.Set;

/**
 * Istio's AuthorizationPolicy rules: the dry-run annotation, selector or target references, the action and
 * its provider, and every rule (see {@link AuthorizationRuleChecks}). Errors of the spec carry Istio's
 * {@code invalid policy <name>.<namespace>:} prefix; warnings do not. Stateless.
 */
final class AuthorizationPolicyValidator implements Validator<AuthorizationPolicy> {
  private static final Set<String> GO_BOOLEANS =
      Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False");

  @Override
  public void validate(AuthorizationPolicy resource, Problems problems) {
    checkDryRun(resource, problems);
    Problems scratch = Problems.root();
    checkSpec(resource.spec(), scratch.at("spec"));
    String prefix = "invalid policy " + resource.name() + "." + resource.namespace() + ": ";
    for (Diagnostic d : scratch.all()) {
      problems.add(d.isError() ? Diagnostic.error(d.path(), prefix + d.message()) : d);
    }
  }

  private static void checkDryRun(AuthorizationPolicy resource, Problems problems) {
    String value = resource.metadata().annotations().get(MeshValidator.DRY_RUN);
    if (value == null) {
      return;
    }
    Problems p = problems.at("metadata").at("annotations").key(MeshValidator.DRY_RUN);
    String where = resource.namespace() + "/" + resource.name();
    Action action = resource.spec().effectiveAction();
    if (action != Action.ALLOW && action != Action.DENY) {
      p.error("the annotation " + MeshValidator.DRY_RUN + " currently only supports action ALLOW/DENY, found action "
          + action + " in " + where);
    } else if (!GO_BOOLEANS.contains(value)) {
      p.error(where + " has annotation " + MeshValidator.DRY_RUN + " with invalid value (" + value
          + "): strconv.ParseBool: parsing " + Checks.quote(value) + ": invalid syntax");
    }
  }

  private static void checkSpec(AuthorizationPolicySpec spec, Problems p) {
    PolicyTargets.check(spec.selector(), spec.targetRef(), spec.targetRefs(), p);
    Action action = spec.effectiveAction();
    if (action == Action.CUSTOM) {
      checkCustom(spec, p);
    }
    if (spec.provider().isPresent() && action != Action.CUSTOM) {
      p.at("provider").error("`provider` must not be with non CUSTOM action, found " + action);
    }
    if (action == Action.DENY && spec.rules().isEmpty()) {
      p.at("rules").error("DENY action without `rules` is meaningless as it will never be triggered, "
          + "add an empty rule `{}` if you want it be triggered for every request");
    }
    for (int i = 0; i < spec.rules().size(); i++) {
      AuthorizationRuleChecks.check(spec.rules().get(i), i, action, p.at("rules", i));
    }
  }

  /** CUSTOM needs rules and a provider name, and cannot match on identities, namespaces or JWT attributes. */
  private static void checkCustom(AuthorizationPolicySpec spec, Problems p) {
    if (spec.rules().isEmpty()) {
      p.at("rules").error("CUSTOM action without `rules` is meaningless as it will never be triggered, "
          + "add an empty rule `{}` if you want it be triggered for every request");
    } else if (spec.provider().flatMap(ExtensionProvider::name).orElse("").isEmpty()) {
      p.at("provider").error("`provider.name` must not be empty");
    }
    for (int i = 0; i < spec.rules().size(); i++) {
      Rule rule = spec.rules().get(i);
      Problems r = p.at("rules", i);
      for (int j = 0; j < rule.from().size(); j++) {
        int index = j;
        rule.from().get(j).source().ifPresent(src -> {
          Problems s = r.at("from", index).at("source");
          unsupported(src.namespaces(), "From.Namespaces", s);
          unsupported(src.notNamespaces(), "From.NotNamespaces", s);
          unsupported(src.principals(), "From.Principals", s);
          unsupported(src.notPrincipals(), "From.NotPrincipals", s);
          unsupported(src.requestPrincipals(), "From.RequestPrincipals", s);
          unsupported(src.notRequestPrincipals(), "From.NotRequestPrincipals", s);
        });
      }
      for (int j = 0; j < rule.when().size(); j++) {
        String key = rule.when().get(j).key().orElse("");
        if (key.equals("source.namespace") || key.equals("source.principal") || key.startsWith("request.auth.")) {
          r.at("when", j).at("key").error(key + " is currently not supported with CUSTOM action");
        }
      }
    }
  }

  private static void unsupported(List<String> values, String name, Problems p) {
    if (!values.isEmpty()) {
      p.error(name + " is currently not supported with CUSTOM action");
    }
  }
}
