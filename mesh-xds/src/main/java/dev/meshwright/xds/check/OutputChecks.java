package dev.meshwright.xds.check;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.xds.Subscriptions;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import com.google.protobuf.Message;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The last step of generation: every resource is checked against the Envoy protos' validate rules
 * ({@link ProtoRules}); one that fails is left out with an error diagnostic naming it and the field, and the rest
 * is still produced. Then the {@link ReferenceCheck} adds warnings for dangling names. Verdicts are remembered
 * per message value (a pure function of it), so shared resources are checked once. Thread-safe.
 */
public final class OutputChecks {
  private static final OutputChecks STANDARD = new OutputChecks(ProtoRules.with(TypeRegistry.envoy()));
  private static final int MAX_VERDICTS = 200_000;
  private final ProtoRules rules;
  private final Map<Message, List<String>> verdicts = Collections.synchronizedMap(new WeakHashMap<>());

  private OutputChecks(ProtoRules rules) {
    this.rules = rules;
  }

  /** The checks with every known Envoy type. */
  public static OutputChecks standard() {
    return STANDARD;
  }

  /**
   * The violations of {@code m}, remembered while the message is in use: resources shared through the
   * {@link dev.meshwright.xds.XdsCache} are the same message objects for every proxy, so each is checked once. Keyed
   * by the message's value (the verdict is a function of it), weakly, and cleared past a bound.
   */
  private List<String> violations(Message m) {
    List<String> known = verdicts.get(m);
    if (known != null) {
      return known;
    }
    List<String> v = List.copyOf(rules.violations(m));
    if (verdicts.size() >= MAX_VERDICTS) {
      verdicts.clear();
    }
    verdicts.put(m, v);
    return v;
  }

  /** {@code out} without the resources that break a validate rule, with diagnostics for them and for dangling
   *  references; {@code subscriptions} tell which types were asked for by name (not checked as targets). */
  public XdsResources apply(XdsResources out, Subscriptions subscriptions) {
    XdsResources.Builder b = out.toBuilder();
    for (String type : out.types()) {
      for (XdsResource r : out.of(type).values()) {
        List<String> violations = violations(r.message());
        if (!violations.isEmpty()) {
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
    XdsResources valid = b.build();
    List<Diagnostic> refs = ReferenceCheck.check(valid,
        subscriptions.names(TypeUrls.CLUSTER).isEmpty(),
        subscriptions.names(TypeUrls.ROUTE).isEmpty(),
        subscriptions.names(TypeUrls.ENDPOINT).isEmpty() && subscriptions.names(TypeUrls.CLUSTER).isEmpty());
    return valid.toBuilder().diagnostics(refs).build();
  }
}
