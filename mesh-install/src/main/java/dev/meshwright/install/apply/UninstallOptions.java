package dev.meshwright.install.apply;

import java.util.Objects;
import java.util.Optional;

/**
 * What an uninstall removes. With {@code purge}, every object of the manifest (CRDs included) and every
 * other Istio-installed object found on the cluster (labelled {@code operator.istio.io/component}, plus
 * CRDs of {@code *.istio.io} groups) is deleted, whatever its revision. Without it, CRDs stay, and with a
 * {@code revision} only objects labelled {@code istio.io/rev=<revision>} are deleted, so the shared base
 * and other revisions survive. Namespaces are never deleted, as with istioctl.
 */
public record UninstallOptions(boolean purge, Optional<String> revision) {
  /** Validates: a present revision is not blank. */
  public UninstallOptions {
    Objects.requireNonNull(revision, "revision");
    if (revision.isPresent() && revision.get().isBlank()) {
      throw new IllegalArgumentException("revision must not be blank");
    }
  }

  /** Remove everything Istio installed, CRDs included. */
  public static UninstallOptions purgeAll() {
    return new UninstallOptions(true, Optional.empty());
  }

  /** Remove the objects of one revision (use {@code "default"} for the unrevisioned control plane). */
  public static UninstallOptions revision(String revision) {
    return new UninstallOptions(false, Optional.of(revision));
  }

  /** Remove the manifest's objects except CRDs. */
  public static UninstallOptions manifestOnly() {
    return new UninstallOptions(false, Optional.empty());
  }
}
