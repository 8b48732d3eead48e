package dev.meshwright.model.snapshot;

import dev.meshwright.api.MeshResource;
import java.util.Comparator;

/** Istio's config order: creation time, then {@code name.namespace}. */
final class Ordering {
  static final Comparator<MeshResource> BY_CREATION = Comparator
      .comparing((MeshResource r) -> r.metadata().creationTimestamp().orElse(""))
      .thenComparing(r -> r.name() + "." + r.namespace());

  private Ordering() {}

  static String ref(MeshResource r) {
    return r.namespace() + "/" + r.name();
  }
}
