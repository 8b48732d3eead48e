package dev.meshwright.model.snapshot;

import dev.meshwright.api.networking.DestinationRuleSpec;
import java.util.List;
import java.util.Objects;

/**
 * One DestinationRule as Istio applies it after merging every rule for the same host in the same namespace
 * (and with the same or no workload selector): the first rule's fields, the subsets of later rules whose
 * names are new, and the first top-level traffic policy found. Immutable.
 *
 * @param host the host, as a fully qualified name (or wildcard)
 * @param spec the merged spec
 * @param from the rules merged into it, {@code ns/name}, in merge order
 */
public record MergedDestinationRule(String host, DestinationRuleSpec spec, List<String> from) {
  public MergedDestinationRule {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(spec, "spec");
    from = List.copyOf(from);
  }
}
