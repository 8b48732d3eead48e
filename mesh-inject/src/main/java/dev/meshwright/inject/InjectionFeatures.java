package dev.meshwright.inject;

import java.util.Objects;

/**
 * The environment switches and cluster facts istiod's injector reads outside its values: native sidecars
 * ({@code ENABLE_NATIVE_SIDECARS}), the compliance policy ({@code COMPLIANCE_POLICY}) and the proxy's user and
 * group ids (1337, or what an OpenShift namespace allocates). Immutable; callers at the edge fill it in.
 *
 * @param nativeSidecars run the proxy as a Kubernetes native sidecar (an init container with restartPolicy Always)
 * @param compliancePolicy the {@code COMPLIANCE_POLICY} value, empty for none
 * @param proxyUid the proxy's user id
 * @param proxyGid the proxy's group id
 */
public record InjectionFeatures(boolean nativeSidecars, String compliancePolicy, long proxyUid, long proxyGid) {
  /** Istio's default proxy user and group id. */
  public static final long DEFAULT_PROXY_ID = 1337;

  public InjectionFeatures {
    if (proxyUid < 0 || proxyUid > Integer.MAX_VALUE || proxyGid < 0 || proxyGid > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("proxy ids must be between 0 and 2^31-1");
    }
    compliancePolicy = Objects.requireNonNullElse(compliancePolicy, "");
  }

  /** Every switch at Istio's default. */
  public static InjectionFeatures defaults() {
    return new InjectionFeatures(false, "", DEFAULT_PROXY_ID, DEFAULT_PROXY_ID);
  }

  /** A copy with native sidecars switched on. */
  public InjectionFeatures withNativeSidecars() {
    return new InjectionFeatures(true, compliancePolicy, proxyUid, proxyGid);
  }

  /** A copy with other proxy ids. */
  public InjectionFeatures withProxyIds(long uid, long gid) {
    return new InjectionFeatures(nativeSidecars, compliancePolicy, uid, gid);
  }
}
