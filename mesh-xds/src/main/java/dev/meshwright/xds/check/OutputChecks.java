package dev.meshwright.xds.check;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.xds.Subscriptions;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import java.util.List;

/**
 * The last step of generation: every resource is checked against the Envoy protos' validate rules
 * ({@link ProtoRules}); one that fails is left out with an error diagnostic naming it and the field, and the rest
 * is still produced. Then the {@link ReferenceCheck} adds warnings for dangling names. Verdicts are remembered
 * by content hash ({@link Verdicts}), so content generated again is checked once. Thread-safe.
 */
public final class OutputChecks {
  private static final OutputChecks STANDARD = new OutputChecks(ProtoRules.with(TypeRegistry.envoy()));
  private final ProtoRules rules;
  private final Verdicts verdicts = new Verdicts();

  private OutputChecks(ProtoRules rules) {
    this.rules = rules;
  }

  /** The checks with every known Envoy type. */
  public static OutputChecks standard() {
    return STANDARD;
  }

  /** {@code out} without the resources that break a validate rule, with diagnostics for them and for dangling
   *  references; {@code subscriptions} tell which types were asked for by name (not checked as targets). */
  public XdsResources apply(XdsResources out, Subscriptions subscriptions) {
    XdsResources.Builder b = null;
    for (String type : out.types()) {
      for (XdsResource r : out.of(type).values()) {
        List<String> violations = verdicts.get(r, m -> rules.violations(m, r.bytes()));
        if (!violations.isEmpty()) {
          if (b == null) {
            b = out.toBuilder();
          }
          b.remove(type, r.name());
          String kind = r.message().getDescriptorForType().getName();
          for (String v : violations) {
            int colon = v.indexOf(": ");
            b.diagnostic(Diagnostic.error(colon < 0 ? "" : v.substring(0, colon),
                (colon < 0 ? v : v.substring(colon + 2)) + " (" + TypeUrls.shortName(type)
                    + " resource left out)").withResource(kind, "", r.name()));
          }
        }
      }
    }
    XdsResources valid = b == null ? out : b.build();
    List<Diagnostic> refs = ReferenceCheck.check(valid,
        subscriptions.names(TypeUrls.CLUSTER).isEmpty(),
        subscriptions.names(TypeUrls.ROUTE).isEmpty(),
        subscriptions.names(TypeUrls.ENDPOINT).isEmpty() && subscriptions.names(TypeUrls.CLUSTER).isEmpty());
    return valid.withDiagnostics(refs);
  }
}
