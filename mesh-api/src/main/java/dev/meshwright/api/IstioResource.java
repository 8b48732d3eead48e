package dev.meshwright.api;

import java.util.Map;
import org.immutables.value.Value;

/**
 * A typed Istio resource: metadata, a typed {@code spec} and the {@code status} preserved as read.
 *
 * <p>Each Istio kind (VirtualService, DestinationRule, ...) is an immutable subtype with a builder; its
 * {@link #resourceKind()} describes the group, versions and spec type. {@link #apiVersion()} defaults to
 * the version Meshwright writes for the kind (v1 where Istio serves it).
 *
 * @param <S> the spec type
 */
public non-sealed interface IstioResource<S> extends MeshResource {
  /** The descriptor of this kind; constant for every instance of one kind. */
  ResourceKind<?, S> resourceKind();

  @Override
  @Value.Default
  default String apiVersion() {
    return resourceKind().preferredApiVersion();
  }

  @Override
  default String kind() {
    return resourceKind().kind();
  }

  @Override
  ObjectMeta metadata();

  S spec();

  /** The status as read (controllers own it; Meshwright preserves it and never interprets it). */
  Map<String, Object> status();

  @Value.Check
  default void checkApiVersion() {
    if (!resourceKind().apiVersions().contains(apiVersion())) {
      throw new IllegalStateException(
          "apiVersion " + apiVersion() + " is not served for " + kind() + "; use one of "
              + resourceKind().apiVersions());
    }
  }
}
