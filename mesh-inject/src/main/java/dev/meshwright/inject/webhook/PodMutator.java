package dev.meshwright.inject.webhook;

/**
 * The seam between the admission webhook (transport, TLS, AdmissionReview decoding) and the injector: given a pod
 * being created, say whether and how to change it. Implementations must be thread-safe (the server calls them from
 * several threads at once) and should not block on I/O. An exception thrown here is not fatal: the webhook answers
 * that request with {@code allowed: false} and the exception's message, as Istio does when injection fails.
 */
@FunctionalInterface
public interface PodMutator {
  /** The outcome for one pod. */
  AdmissionOutcome mutate(PodRequest request);
}
