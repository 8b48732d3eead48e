package dev.meshwright.install.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * Names one Kubernetes object: kind, namespace (empty for cluster-scoped objects) and name. Prints the way
 * progress and error lines show objects: {@code Deployment istio-system/istiod} or
 * {@code ClusterRole istiod-istio-system}.
 */
public record ObjectRef(String kind, String namespace, String name) {
  /** Validates the parts; {@code namespace} may be empty, the others may not. */
  public ObjectRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /** The reference of a fabric8 object; a missing namespace becomes empty. */
  public static ObjectRef of(HasMetadata object) {
    String ns = object.getMetadata() == null ? null : object.getMetadata().getNamespace();
    String name = object.getMetadata() == null ? null : object.getMetadata().getName();
    return new ObjectRef(String.valueOf(object.getKind()), ns == null ? "" : ns, String.valueOf(name));
  }

  @Override
  public String toString() {
    return namespace.isEmpty() ? kind + " " + name : kind + " " + namespace + "/" + name;
  }
}
