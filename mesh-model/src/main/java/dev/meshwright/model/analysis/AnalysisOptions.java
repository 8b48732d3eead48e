package dev.meshwright.model.analysis;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run filters what the analyzers report. Immutable.
 *
 * @param namespace when present, messages about namespaced resources in other namespaces are dropped
 *     ({@code istioctl analyze -n}); messages without a namespace are always kept
 * @param suppressions {@code -S} suppressions
 * @param clock the time certificates are checked against
 */
public record AnalysisOptions(Optional<String> namespace, List<Suppression> suppressions, Clock clock) {
  public AnalysisOptions {
    Objects.requireNonNull(namespace, "namespace");
    suppressions = List.copyOf(suppressions);
    Objects.requireNonNull(clock, "clock");
  }

  /** No namespace filter and no suppressions, checking certificates against {@code clock}. */
  public static AnalysisOptions all(Clock clock) {
    return new AnalysisOptions(Optional.empty(), List.of(), clock);
  }

  /** These options limited to messages in {@code ns}. */
  public AnalysisOptions inNamespace(String ns) {
    return new AnalysisOptions(Optional.of(ns), suppressions, clock);
  }

  /** These options with {@code more} suppressions added. */
  public AnalysisOptions withSuppressions(List<Suppression> more) {
    List<Suppression> all = new ArrayList<>(suppressions);
    all.addAll(more);
    return new AnalysisOptions(namespace, all, clock);
  }
}
