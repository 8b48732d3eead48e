package dev.meshwright.api.mesh;

/** How a proxy handles the x-forwarded-client-cert header ({@code istio.mesh.v1alpha1.ForwardClientCertDetails}). */
public enum ForwardClientCertDetails {
  UNDEFINED,
  SANITIZE,
  FORWARD_ONLY,
  APPEND_FORWARD,
  SANITIZE_SET,
  ALWAYS_FORWARD_ONLY
}
