/**
 * Example: the sidecar-injection webhook served from your own process, with TLS and its
 * MutatingWebhookConfiguration ({@link dev.meshwright.examples.webhook.PlatformWebhook}). Covers the
 * injection hop of the data flow (Pod → SidecarInjector → patch) and its AdmissionReview edge.
 */
package dev.meshwright.examples.webhook;
