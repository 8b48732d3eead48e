package dev.meshwright.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Kubernetes object metadata, the subset a mesh resource carries. Immutable and thread-safe.
 *
 * <p>Fields owned by the API server ({@code uid}, {@code resourceVersion}, ...) are kept so a resource
 * read from a cluster can be written back unchanged. Owner references and managed fields are kept as
 * plain JSON values because Meshwright never interprets them.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableObjectMeta.class)
@JsonDeserialize(as = ImmutableObjectMeta.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface ObjectMeta {
  Optional<String> name();

  Optional<String> generateName();

  Optional<String> namespace();

  Optional<String> uid();

  Optional<String> resourceVersion();

  Optional<Long> generation();

  Optional<String> creationTimestamp();

  Optional<String> deletionTimestamp();

  Optional<Long> deletionGracePeriodSeconds();

  Map<String, String> labels();

  Map<String, String> annotations();

  List<String> finalizers();

  List<Map<String, Object>> ownerReferences();

  List<Map<String, Object>> managedFields();

  /** Metadata with just a name and namespace. */
  static ObjectMeta of(String name, String namespace) {
    return builder().name(name).namespace(namespace).build();
  }

  /** Metadata with just a name (the namespace is filled in where the resource is applied). */
  static ObjectMeta named(String name) {
    return builder().name(name).build();
  }

  /** A copy of this metadata in {@code namespace}. */
  default ObjectMeta inNamespace(String namespace) {
    return builder().from(this).namespace(namespace).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ObjectMeta}. */
  final class Builder extends ImmutableObjectMeta.Builder {}
}
