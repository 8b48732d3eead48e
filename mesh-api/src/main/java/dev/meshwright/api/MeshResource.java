package dev.meshwright.api;

/**
 * Anything read from a YAML or JSON document that has {@code apiVersion} and {@code kind}: either a typed
 * Istio resource ({@link IstioResource}) or, for every other kind, a {@link GenericResource} kept as read.
 * Implementations are immutable and thread-safe.
 */
public sealed interface MeshResource permits IstioResource, GenericResource {
  /** {@code group/version}, or just {@code version} for the core group. */
  String apiVersion();

  /** The Kubernetes kind, e.g. {@code VirtualService}. */
  String kind();

  ObjectMeta metadata();

  /** The resource's name, or empty when it has none. */
  default String name() {
    return metadata().name().orElse("");
  }

  /** The resource's namespace, or empty when it has none. */
  default String namespace() {
    return metadata().namespace().orElse("");
  }

  /** The API group: the part of {@link #apiVersion()} before the slash, empty for the core group. */
  default String group() {
    String v = apiVersion();
    int slash = v.indexOf('/');
    return slash < 0 ? "" : v.substring(0, slash);
  }
}
