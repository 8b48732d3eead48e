package dev.meshwright.install.render;

/**
 * The IstioOperator components, in the order istioctl renders them, with the key under
 * {@code spec.components} and the Helm values root their settings are passed under.
 */
public enum Component {
  /** CRDs and the reader service account. */
  BASE("Base", "base", "global"),
  /** istiod: deployment, service, webhooks, mesh and injector config maps, RBAC. */
  PILOT("Pilot", "pilot", "pilot"),
  /** The istio-cni node agent. */
  CNI("Cni", "cni", "cni"),
  /** The remote-cluster parts of istiod. */
  ISTIOD_REMOTE("IstiodRemote", "istiodRemote", "global"),
  /** The ambient node proxy. */
  ZTUNNEL("Ztunnel", "ztunnel", "ztunnel"),
  /** One instance per {@code components.ingressGateways} entry. */
  INGRESS_GATEWAYS("IngressGateways", "ingressGateways", "gateways"),
  /** One instance per {@code components.egressGateways} entry. */
  EGRESS_GATEWAYS("EgressGateways", "egressGateways", "gateways");

  private final String displayName;
  private final String specKey;
  private final String valuesRoot;

  Component(String displayName, String specKey, String valuesRoot) {
    this.displayName = displayName;
    this.specKey = specKey;
    this.valuesRoot = valuesRoot;
  }

  /** The name istioctl prints ({@code Pilot}, {@code IngressGateways}, ...). */
  public String displayName() {
    return displayName;
  }

  /** The key under {@code spec.components}. */
  public String specKey() {
    return specKey;
  }

  /** The Helm values root its enablement, namespace, hub and tag are passed under. */
  String valuesRoot() {
    return valuesRoot;
  }

  /** The component named {@code name} (display name or spec key, case-insensitive), if any. */
  public static java.util.Optional<Component> named(String name) {
    for (Component c : values()) {
      if (c.displayName.equalsIgnoreCase(name) || c.specKey.equalsIgnoreCase(name)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }
}
