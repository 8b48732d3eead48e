package dev.meshwright.model.config;

import dev.meshwright.api.MeshResource;
import dev.meshwright.api.ResourceKind;
import java.util.Comparator;
import java.util.Objects;

/**
 * Identifies one resource in the store: API group (empty for the core group), kind, namespace (empty for
 * cluster-scoped kinds) and name. Versions of a group do not matter: {@code networking.istio.io/v1beta1}
 * and {@code v1} VirtualServices with the same name are the same resource. Immutable; orders by group, kind,
 * namespace, name.
 *
 * @param group the API group, empty for the core group
 * @param kind the kind, e.g. {@code VirtualService}
 * @param namespace the namespace, empty when cluster-scoped
 * @param name the name
 */
public record ConfigKey(String group, String kind, String namespace, String name) implements Comparable<ConfigKey> {
  private static final Comparator<ConfigKey> ORDER = Comparator.comparing(ConfigKey::group)
      .thenComparing(ConfigKey::kind).thenComparing(ConfigKey::namespace).thenComparing(ConfigKey::name);

  public ConfigKey {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /** The key of {@code resource} as it is (its namespace is not defaulted here). */
  public static ConfigKey of(MeshResource resource) {
    return new ConfigKey(resource.group(), resource.kind(), resource.namespace(), resource.name());
  }

  /** The key of an Istio resource of {@code kind}. */
  public static ConfigKey of(ResourceKind<?, ?> kind, String namespace, String name) {
    return new ConfigKey(kind.group(), kind.kind(), namespace, name);
  }

  /** The group and kind, e.g. {@code networking.istio.io/VirtualService} or {@code /Service}. */
  public KindId kindId() {
    return new KindId(group, kind);
  }

  @Override
  public int compareTo(ConfigKey o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    String gk = group.isEmpty() ? kind : kind + "." + group;
    return gk + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }

  /**
   * A kind together with its group.
   *
   * @param group the API group, empty for the core group
   * @param kind the kind
   */
  public record KindId(String group, String kind) implements Comparable<KindId> {
    /** The id of an Istio kind. */
    public static KindId of(ResourceKind<?, ?> kind) {
      return new KindId(kind.group(), kind.kind());
    }

    /** The id of a core-group kind ({@code Service}, {@code Pod}, ...). */
    public static KindId core(String kind) {
      return new KindId("", kind);
    }

    @Override
    public int compareTo(KindId o) {
      int c = group.compareTo(o.group);
      return c != 0 ? c : kind.compareTo(o.kind);
    }
  }
}
