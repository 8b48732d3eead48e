package dev.meshwright.api.mesh;

/** How a proxy authenticates to the control plane ({@code istio.mesh.v1alpha1.AuthenticationPolicy}). */
public enum AuthenticationPolicy {
  NONE,
  MUTUAL_TLS,
  INHERIT
}
