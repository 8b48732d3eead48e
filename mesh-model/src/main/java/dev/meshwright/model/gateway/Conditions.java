package dev.meshwright.model.gateway;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds status condition lists the way Istio's controller does: one condition per type, types in
 * alphabetical order, a failed condition flipping its default status and taking the error's reason and
 * message. Not thread-safe (instances are per call).
 */
final class Conditions {
  private final Map<String, Spec> specs = new TreeMap<>();

  /** Adds (or replaces) a condition that is {@code True} unless an error is set. */
  Conditions put(String type, String reason, String message) {
    specs.put(type, new Spec(reason, message, true, null));
    return this;
  }

  /** Adds (or replaces) a condition whose success status is {@code False} (negative polarity). */
  Conditions putNegative(String type, String reason, String message) {
    specs.put(type, new Spec(reason, message, false, null));
    return this;
  }

  /** Marks a condition failed with {@code error}; a missing error keeps it as it is. */
  Conditions fail(String type, ConfigError error) {
    Spec s = specs.get(type);
    if (error != null && s != null) {
      specs.put(type, new Spec(s.reason, s.message, s.positive, error));
    }
    return this;
  }

  /** The conditions, sorted by type, stamped with {@code clock}'s time and {@code generation}. */
  List<Condition> build(long generation, Clock clock) {
    String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
    List<Condition> out = new ArrayList<>();
    specs.forEach((type, s) -> {
      Condition c = new Condition();
      c.setType(type);
      c.setLastTransitionTime(now);
      if (generation != 0) {
        c.setObservedGeneration(generation);
      }
      if (s.error != null) {
        c.setStatus(s.positive ? "False" : "True");
        c.setReason(s.error.reason());
        c.setMessage(s.error.message());
      } else {
        c.setStatus(s.positive ? "True" : "False");
        c.setReason(s.reason);
        c.setMessage(s.message);
      }
      out.add(c);
    });
    return out;
  }

  private record Spec(String reason, String message, boolean positive, ConfigError error) {}
}
