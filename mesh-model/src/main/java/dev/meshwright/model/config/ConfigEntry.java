package dev.meshwright.model.config;

import dev.meshwright.api.MeshResource;
import java.util.Objects;

/**
 * A resource as the store holds it: the resource (namespace defaulted), the source it came from (a file
 * name, {@code kubernetes}, ...) and the store version at which it last changed. Immutable.
 *
 * @param resource the resource
 * @param source where it came from, empty when unknown
 * @param version the store version of its last change
 */
public record ConfigEntry(MeshResource resource, String source, long version) {
  public ConfigEntry {
    Objects.requireNonNull(resource, "resource");
    source = Objects.requireNonNullElse(source, "");
  }
}
