package dev.meshwright.api;

import java.util.Map;
import java.util.Objects;

/**
 * A document of a kind Meshwright does not model (a Deployment, a Service, a CRD of another project),
 * kept exactly as read so that nothing is dropped on the way through.
 *
 * @param apiVersion the document's apiVersion
 * @param kind the document's kind
 * @param metadata its metadata
 * @param body every other top-level field (spec, data, status, ...), deeply unmodifiable
 */
public record GenericResource(String apiVersion, String kind, ObjectMeta metadata, Map<String, Object> body)
    implements MeshResource {
  public GenericResource {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(metadata, "metadata");
    body = JsonValues.freeze(body);
  }
}
