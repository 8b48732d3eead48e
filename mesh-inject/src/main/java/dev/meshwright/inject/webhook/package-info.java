/**
 * The sidecar-injection admission webhook, an edge of mesh-inject (the only package here doing I/O): an HTTPS
 * server on Netty ({@link dev.meshwright.inject.webhook.WebhookServer}) that reads Kubernetes AdmissionReviews,
 * hands the pod to a {@link dev.meshwright.inject.webhook.PodMutator} and answers with an RFC 6902 patch, as
 * Istio 1.22's injector does on port 15017.
 *
 * <p>Data flow, all on the connection's event loop: {@code TLS --HttpServerCodec--> WebhookHandler (body, limits)
 * --AdmissionReviews--> PodRequest --PodMutator (PolicyGate, then the injector)--> AdmissionOutcome
 * --AdmissionReviews--> AdmissionReview response}; {@link dev.meshwright.inject.webhook.SidecarMutator#gated} is
 * that pair with the real injector. {@code RequestDeadline} and {@code ConnectionLimit} guard the connections. The
 * serving certificate comes from PEM files ({@link dev.meshwright.inject.webhook.KeyMaterial}) and is reloaded when
 * they change.
 */
package dev.meshwright.inject.webhook;
