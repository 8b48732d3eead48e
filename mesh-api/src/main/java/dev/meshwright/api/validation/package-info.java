/**
 * Validation building blocks shared by every kind's validator: hosts and domains, ports, durations,
 * label selectors and {@code exportTo}. Each check reports to a {@link dev.meshwright.api.Problems} view
 * with Istio's wording; none throws for bad input. Pure.
 */
package dev.meshwright.api.validation;
