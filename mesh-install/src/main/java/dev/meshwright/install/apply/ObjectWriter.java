package dev.meshwright.install.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
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

  /** Writes {@code object} and returns what the server stored. */
  HasMetadata apply(HasMetadata object) {
    if (options.mode() == ApplyMode.SERVER_SIDE) {
      HasMetadata copy = client.getKubernetesSerialization().clone(object);
      copy.getMetadata().setManagedFields(null);
      copy.getMetadata().setResourceVersion(null);
      return client.resource(copy).fieldManager(options.fieldManager()).forceConflicts().serverSideApply();
    }
    HasMetadata copy = client.getKubernetesSerialization().clone(object);
    copy.getMetadata().setResourceVersion(null);
    return client.resource(copy).createOr(NonDeletingOperation::update);
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
