package dev.meshwright.install;

/**
 * The Istio release Meshwright installs: the hub and tag a released (stamped) istioctl 1.22.8 writes over the
 * profile's {@code spec.hub} and {@code spec.tag} (Istio's profiles themselves name the unstamped test build,
 * {@code gcr.io/istio-testing} and {@code latest}), and the version the published charts carry in their
 * {@code helm.sh/chart} and {@code app.kubernetes.io/version} labels. Constants only.
 */
public final class Release {
  /** The image hub of the 1.22.8 release. */
  public static final String HUB = "docker.io/istio";
  /** The image tag, chart version and app version of the 1.22.8 release. */
  public static final String TAG = "1.22.8";

  private Release() {}
}
