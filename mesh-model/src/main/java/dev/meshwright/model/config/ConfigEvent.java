package dev.meshwright.model.config;

import dev.meshwright.api.MeshResource;
import java.util.Objects;
import java.util.Optional;

/**
 * One change the store made: a resource added, updated or deleted, with the store version it produced.
 * Immutable.
 *
 * @param type what happened
 * @param key the resource
 * @param previous the resource before the change (empty when added)
 * @param current the resource after the change (empty when deleted)
 * @param version the store version this change is part of
 */
public record ConfigEvent(Type type, ConfigKey key, Optional<MeshResource> previous,
    Optional<MeshResource> current, long version) {
  /** The kind of change. */
  public enum Type { ADDED, UPDATED, DELETED }

  public ConfigEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(current, "current");
  }

  @Override
  public String toString() {
    return type + " " + key + " @" + version;
  }
}
