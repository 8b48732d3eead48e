package dev.meshwright.install.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Removes an install in reverse {@link ApplyPhase} order: webhooks first (so no admission call goes to an
 * istiod being deleted), CRDs last and only when purging. Deleting an object that is already gone counts as
 * done, so an interrupted uninstall can simply be run again. See {@link UninstallOptions} for what is kept.
 */
public final class Uninstaller {
  private static final String REVISION_LABEL = "istio.io/rev";

  private final KubernetesClient client;

  /** An uninstaller deleting through {@code client}. */
  public Uninstaller(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Deletes the objects {@code manifest} and {@code options} select, reporting progress to {@code listener}. */
  public UninstallReport uninstall(List<? extends HasMetadata> manifest, UninstallOptions options,
      ProgressListener listener) {
    ManifestCheck.requireApplicable(manifest);
    Map<String, HasMetadata> candidates = new LinkedHashMap<>();
    manifest.forEach(o -> candidates.put(key(o), o));
    if (options.purge()) {
      InstalledObjects.find(client).forEach(o -> candidates.putIfAbsent(key(o), o));
    }
    ObjectWriter writer = new ObjectWriter(client, ApplyOptions.defaults());
    List<ObjectRef> deleted = new ArrayList<>();
    List<ObjectRef> absent = new ArrayList<>();
    List<ObjectRef> kept = new ArrayList<>();
    Map<ObjectRef, String> failed = new LinkedHashMap<>();
    List<Map.Entry<ApplyPhase, List<HasMetadata>>> phases =
        new ArrayList<>(Installer.byPhase(List.copyOf(candidates.values())).entrySet());
    Collections.reverse(phases);
    for (Map.Entry<ApplyPhase, List<HasMetadata>> phase : phases) {
      List<HasMetadata> objects = new ArrayList<>(phase.getValue());
      Collections.reverse(objects);
      listener.phaseStarted(phase.getKey(), objects.size());
      for (HasMetadata object : objects) {
        ObjectRef ref = ObjectRef.of(object);
        if (!selected(object, options)) {
          kept.add(ref);
          continue;
        }
        try {
          if (writer.delete(object)) {
            deleted.add(ref);
          } else {
            absent.add(ref);
          }
          listener.objectDone(ref);
        } catch (KubernetesClientException e) {
          failed.put(ref, ObjectWriter.message(e));
          listener.objectFailed(ref, ObjectWriter.message(e));
        }
      }
    }
    return new UninstallReport(deleted, absent, kept, failed);
  }

  private static boolean selected(HasMetadata object, UninstallOptions options) {
    ApplyPhase phase = ApplyPhase.of(object);
    if (phase == ApplyPhase.NAMESPACES) {
      return false;
    }
    if (options.purge()) {
      return true;
    }
    if (phase == ApplyPhase.CRDS) {
      return false;
    }
    if (options.revision().isEmpty()) {
      return true;
    }
    Map<String, String> labels = object.getMetadata().getLabels();
    String revision = labels == null ? null : labels.get(REVISION_LABEL);
    return options.revision().get().equals(revision);
  }

  private static String key(HasMetadata object) {
    return object.getApiVersion() + "/" + ObjectRef.of(object);
  }
}
