package dev.meshwright.model.analysis;

import java.util.Objects;

/**
 * Where a message points: the resource (kind, namespace, name) and, when known, the source it was read from
 * and the line of its document. Immutable.
 *
 * @param kind the resource kind ({@code VirtualService})
 * @param namespace its namespace, empty for cluster-scoped or namespace-less objects
 * @param name its name
 * @param source the file it came from, or empty
 * @param line the 1-based line of its document in {@code source}, 0 when unknown
 */
public record ResourceRef(String kind, String namespace, String name, String source, int line) {
  public ResourceRef {
    Objects.requireNonNull(kind, "kind");
    namespace = Objects.requireNonNullElse(namespace, "");
    Objects.requireNonNull(name, "name");
    source = Objects.requireNonNullElse(source, "");
  }

  /** A reference to a resource read from nowhere in particular. */
  public static ResourceRef of(String kind, String namespace, String name) {
    return new ResourceRef(kind, namespace, name, "", 0);
  }

  /** Istio's friendly name: {@code Kind namespace/name}, or {@code Kind name} without a namespace. */
  public String friendlyName() {
    return namespace.isEmpty() ? kind + " " + name : kind + " " + namespace + "/" + name;
  }

  /** {@code namespace/name}, or {@code name} without a namespace (Istio's FullName string). */
  public String fullName() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }

  /** The file reference Istio appends to the origin ({@code file.yaml:12}), or empty. */
  public String reference(int lineOverride) {
    if (source.isEmpty()) {
      return "";
    }
    int l = lineOverride > 0 ? lineOverride : line;
    return l > 0 && !source.endsWith(".json") ? source + ":" + l : source;
  }
}
