package dev.meshwright.model.snapshot;

import dev.meshwright.api.telemetry.Telemetry;
import dev.meshwright.api.telemetry.TelemetrySpec;
import dev.meshwright.model.registry.Labels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Telemetry resources apply to a workload, in the order istiod 1.22 layers them
 * ({@code Telemetries.applicableTelemetries}): the root namespace's namespace-wide one, then the workload
 * namespace's namespace-wide one (when it is not the root namespace), then every Telemetry of the workload's
 * namespace whose selector labels are a subset of the workload's, by creation time. Later entries override
 * earlier ones. "Namespace-wide" is the first Telemetry, by creation time, whose selector has no labels: in 1.22.8
 * that includes one with only {@code targetRef(s)}, which therefore applies to the whole namespace (validation
 * rejects a selector and a target together, so istiod's targetRef matching is never reached). Immutable and
 * thread-safe.
 */
public final class TelemetryIndex {
  private final String rootNamespace;
  private final Map<String, List<Telemetry>> byNamespace;

  private TelemetryIndex(String rootNamespace, Collection<Telemetry> telemetries) {
    this.rootNamespace = rootNamespace;
    List<Telemetry> sorted = new ArrayList<>(telemetries);
    sorted.sort(Ordering.BY_CREATION);
    Map<String, List<Telemetry>> out = new HashMap<>();
    for (Telemetry t : sorted) {
      out.computeIfAbsent(t.namespace(), k -> new ArrayList<>()).add(t);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    this.byNamespace = Map.copyOf(out);
  }

  static TelemetryIndex build(String rootNamespace, Collection<Telemetry> telemetries) {
    return new TelemetryIndex(rootNamespace, telemetries);
  }

  /** Whether there are no Telemetry resources at all. */
  public boolean isEmpty() {
    return byNamespace.isEmpty();
  }

  /**
   * The Telemetry resources that apply to a workload in {@code namespace} with {@code labels}, least specific
   * first (root namespace, namespace, workload).
   */
  public List<Telemetry> applicable(String namespace, Map<String, String> labels) {
    if (byNamespace.isEmpty()) {
      return List.of();
    }
    List<Telemetry> out = new ArrayList<>(2);
    namespaceWide(rootNamespace).ifPresent(out::add);
    if (!namespace.equals(rootNamespace)) {
      namespaceWide(namespace).ifPresent(out::add);
    }
    for (Telemetry t : byNamespace.getOrDefault(namespace, List.of())) {
      Map<String, String> selector = selectorLabels(t.spec());
      if (!selector.isEmpty() && Labels.matches(selector, labels)) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  private Optional<Telemetry> namespaceWide(String namespace) {
    for (Telemetry t : byNamespace.getOrDefault(namespace, List.of())) {
      if (selectorLabels(t.spec()).isEmpty()) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> selectorLabels(TelemetrySpec spec) {
    return spec.selector().map(s -> s.matchLabels()).orElse(Map.of());
  }
}
