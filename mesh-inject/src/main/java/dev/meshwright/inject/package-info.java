/**
 * Sidecar injection, Istio 1.22 compatible. This first slice holds the injection policy: which pods the
 * injector mutates and why ({@link dev.meshwright.inject.InjectionPolicy}), the injector's configuration
 * ({@link dev.meshwright.inject.InjectionOptions}, read by {@link dev.meshwright.inject.InjectorConfigReader})
 * and the view of which revisioned webhooks would be called for a pod
 * ({@link dev.meshwright.inject.InjectionWebhook}).
 *
 * <p>Data flow: {@code Pod/workload + Namespace labels + InjectionOptions --InjectionPolicy--> InjectionDecision}.
 * Everything here is pure: no files, sockets, environment or clock; every type is immutable.
 */
package dev.meshwright.inject;
