package dev.meshwright.inject;

import java.util.Objects;

/**
 * Whether the injector adds a sidecar to one pod, and why, worded like {@code istioctl x check-inject}.
 * Immutable.
 *
 * @param inject true when the pod gets a sidecar
 * @param reason one sentence naming the rule that decided
 */
public record InjectionDecision(boolean inject, String reason) {
  public InjectionDecision {
    Objects.requireNonNull(reason, "reason");
  }

  /** A decision to inject. */
  public static InjectionDecision inject(String reason) {
    return new InjectionDecision(true, reason);
  }

  /** A decision not to inject. */
  public static InjectionDecision skip(String reason) {
    return new InjectionDecision(false, reason);
  }
}
