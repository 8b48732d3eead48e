package dev.meshwright.api.networking;

/**
 * How traffic reaches a Sidecar listener ({@code istio.networking.v1alpha3.CaptureMode}): the default of the
 * environment, iptables redirection, or none (the application talks to the bound address directly).
 */
public enum CaptureMode {
  DEFAULT,
  IPTABLES,
  NONE
}
