package dev.meshwright.install.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code verify-install}: checks that every object of a rendered manifest exists on the cluster and that
 * its Deployments, StatefulSets, DaemonSets and CRDs are ready (see {@link Readiness}). Reads only.
 */
public final class InstallVerifier {
  private final KubernetesClient client;

  /** A verifier reading through {@code client}. */
  public InstallVerifier(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Checks every object of {@code manifest}, in order, telling {@code listener} what is ready or missing. */
  public VerifyReport verify(List<? extends HasMetadata> manifest, ProgressListener listener) {
    ManifestCheck.requireApplicable(manifest);
    ObjectWriter reader = new ObjectWriter(client, ApplyOptions.defaults());
    List<ObjectRef> missing = new ArrayList<>();
    Map<ObjectRef, String> notReady = new LinkedHashMap<>();
    for (HasMetadata object : manifest) {
      ObjectRef ref = ObjectRef.of(object);
      Optional<HasMetadata> current;
      try {
        current = reader.get(object);
      } catch (KubernetesClientException e) {
        notReady.put(ref, "cannot be read: " + ObjectWriter.message(e));
        listener.objectFailed(ref, ObjectWriter.message(e));
        continue;
      }
      if (current.isEmpty()) {
        missing.add(ref);
        listener.objectFailed(ref, "not found");
        continue;
      }
      Optional<String> reason = Readiness.notReadyReason(current.get());
      if (reason.isPresent()) {
        notReady.put(ref, reason.get());
        listener.waiting(ref, reason.get());
      } else {
        listener.ready(ref);
      }
    }
    return new VerifyReport(manifest.size(), missing, notReady);
  }
}
