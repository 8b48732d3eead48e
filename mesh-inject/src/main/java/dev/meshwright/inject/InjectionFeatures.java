package dev.meshwright.inject;

import java.util.Objects;

/**
 * The environment switches and cluster facts istiod's injector reads outside its values: native sidecars
 * ({@code ENABLE_NATIVE_SIDECARS}), the compliance policy ({@code COMPLIANCE_POLICY}) and the proxy's user and
 * group ids (1337, or what an OpenShift namespace allocates). Immutable; callers at the edge fill it in.
 *
 * @param proxyPlacement where the proxy runs: a regular container, or a Kubernetes native sidecar (an init
 *     container with restartPolicy Always)
 * @param compliancePolicy the {@code COMPLIANCE_POLICY} value, empty for none
 * @param proxyUid the proxy's user id
 * @param proxyGid the proxy's group id
 */
public record InjectionFeatures(ProxyPlacement proxyPlacement, String compliancePolicy, long proxyUid,
    long proxyGid) {
  /** Where the injected proxy runs ({@code ENABLE_NATIVE_SIDECARS}). */
  public enum ProxyPlacement {
    /** A regular container next to the application (Istio's default). */
    CONTAINER,
    /** A native sidecar: an init container with {@code restartPolicy: Always}. */
    NATIVE_SIDECAR
  }

  /** Istio's default proxy user and group id. */
  public static final long DEFAULT_PROXY_ID = 1337;

  public InjectionFeatures {
    java.util.Objects.requireNonNull(proxyPlacement, "proxyPlacement");
    if (proxyUid < 0 || proxyUid > Integer.MAX_VALUE || proxyGid < 0 || proxyGid > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("proxy ids must be between 0 and 2^31-1");
    }
    compliancePolicy = Objects.requireNonNullElse(compliancePolicy, "");
  }

  /** Every switch at Istio's default. */
  public static InjectionFeatures defaults() {
    return new InjectionFeatures(ProxyPlacement.CONTAINER, "", DEFAULT_PROXY_ID, DEFAULT_PROXY_ID);
  }

  /** Whether the proxy runs as a native sidecar. */
  public boolean nativeSidecars() {
    return proxyPlacement == ProxyPlacement.NATIVE_SIDECAR;
  }

  /** A copy with native sidecars switched on. */
  public InjectionFeatures withNativeSidecars() {
    return new InjectionFeatures(ProxyPlacement.NATIVE_SIDECAR, compliancePolicy, proxyUid, proxyGid);
  }

  /** A copy with another compliance policy. */
  public InjectionFeatures withCompliancePolicy(String value) {
    return new InjectionFeatures(proxyPlacement, value, proxyUid, proxyGid);
  }

  /**
   * A copy with the proxy ids an OpenShift namespace allocates: the highest user id of
   * {@code openshift.io/sa.scc.uid-range} and the highest group id of the first
   * {@code openshift.io/sa.scc.supplemental-groups} range (both {@code start/size} or {@code start-end}); ids the
   * annotations do not give stay as they are.
   */
  public InjectionFeatures withOpenShiftNamespace(java.util.Map<String, String> namespaceAnnotations) {
    long uid = rangeMax(namespaceAnnotations.get("openshift.io/sa.scc.uid-range")).orElse(proxyUid);
    String groups = namespaceAnnotations.getOrDefault("openshift.io/sa.scc.supplemental-groups", "");
    long gid = rangeMax(groups.split(",")[0]).orElse(proxyGid);
    return withProxyIds(uid, gid);
  }

  private static java.util.Optional<Long> rangeMax(String range) {
    if (range == null) {
      return java.util.Optional.empty();
    }
    try {
      String r = range.trim();
      if (r.contains("/")) {
        String[] p = r.split("/", 2);
        return java.util.Optional.of(Long.parseLong(p[0].trim()) + Long.parseLong(p[1].trim()) - 1);
      }
      if (r.contains("-")) {
        return java.util.Optional.of(Long.parseLong(r.substring(r.indexOf('-') + 1).trim()));
      }
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.empty();
  }

  /** A copy with other proxy ids. */
  public InjectionFeatures withProxyIds(long uid, long gid) {
    return new InjectionFeatures(proxyPlacement, compliancePolicy, uid, gid);
  }
}
