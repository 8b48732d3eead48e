package dev.meshwright.install.apply;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes, reads and deletes single objects for the installer and its siblings, in one {@link ApplyMode}.
 * Server errors come back as the server's own message (the Status message when there is one), so progress
 * lines say what Kubernetes said.
 */
final class ObjectWriter {
  private static final int NOT_FOUND = 404;

  private final KubernetesClient client;
  private final ApplyOptions options;

  ObjectWriter(KubernetesClient client, ApplyOptions options) {
    this.client = Objects.requireNonNull(client, "client");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Writes {@code object} and returns what the server stored. Create-or-replace reads the stored object
   * first; someone writing in between makes the replace fail with 409, and running again converges.
   */
  HasMetadata apply(HasMetadata object) {
    if (options.mode() == ApplyMode.SERVER_SIDE) {
      HasMetadata copy = client.getKubernetesSerialization().clone(object);
      copy.getMetadata().setManagedFields(null);
      copy.getMetadata().setResourceVersion(null);
      return client.resource(copy).fieldManager(options.fieldManager()).forceConflicts().serverSideApply();
    }
    HasMetadata copy = client.getKubernetesSerialization().clone(object);
    copy.getMetadata().setResourceVersion(null);
    HasMetadata current = client.resource(copy).get();
    if (current == null) {
      return client.resource(copy).create();
    }
    return client.resource(replacement(copy, current)).update();
  }

  /**
   * {@code wanted} at the stored resourceVersion, carrying the stored status: a real API server ignores
   * status on a replace, and keeping it here makes servers without a status subresource (the mock) agree.
   */
  private HasMetadata replacement(HasMetadata wanted, HasMetadata current) {
    KubernetesSerialization serialization = client.getKubernetesSerialization();
    GenericKubernetesResource stored = serialization.convertValue(current, GenericKubernetesResource.class);
    GenericKubernetesResource next = serialization.convertValue(wanted, GenericKubernetesResource.class);
    Object status = stored.getAdditionalProperties().get("status");
    if (status != null) {
      next.setAdditionalProperty("status", status);
    }
    next.getMetadata().setResourceVersion(stored.getMetadata().getResourceVersion());
    return serialization.convertValue(next, wanted.getClass());
  }

  /** The stored version of {@code object}, or empty when the server has none. */
  Optional<HasMetadata> get(HasMetadata object) {
    try {
      return Optional.ofNullable(client.resource(object).get());
    } catch (KubernetesClientException e) {
      if (e.getCode() == NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Deletes {@code object}; returns false when there was nothing to delete. */
  boolean delete(HasMetadata object) {
    try {
      return !client.resource(object).delete().isEmpty();
    } catch (KubernetesClientException e) {
      if (e.getCode() == NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /** The server's message for a failed call: its Status message, else the exception's. */
  static String message(KubernetesClientException e) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null && !e.getStatus().getMessage().isBlank()) {
      return e.getStatus().getMessage();
    }
    return String.valueOf(e.getMessage());
  }
}
