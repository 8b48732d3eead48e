package dev.meshwright.fabric8;

import dev.meshwright.api.ResourceKind;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * fabric8 {@link ResourceDefinitionContext}s for Istio kinds: what a generic client needs to build REST
 * paths (group, version, plural) without a typed model class. Every Istio kind is namespaced. Stateless and
 * thread-safe.
 */
public final class ResourceDefinitions {
  private ResourceDefinitions() {}

  /** The context of {@code kind} at its preferred version (the one Meshwright writes). */
  public static ResourceDefinitionContext context(ResourceKind<?, ?> kind) {
    return context(kind, kind.versions().get(0));
  }

  /**
   * The context of {@code kind} at {@code version} (e.g. {@code v1beta1}).
   *
   * @throws IllegalArgumentException if the kind does not serve that version
   */
  public static ResourceDefinitionContext context(ResourceKind<?, ?> kind, String version) {
    if (!kind.versions().contains(version)) {
      throw new IllegalArgumentException(
          "version " + version + " is not served for " + kind + "; served: " + kind.versions());
    }
    return new ResourceDefinitionContext.Builder()
        .withGroup(kind.group())
        .withVersion(version)
        .withKind(kind.kind())
        .withPlural(kind.plural())
        .withNamespaced(true)
        .build();
  }

  /** The context for a {@code group/version} string such as {@code security.istio.io/v1beta1}. */
  public static ResourceDefinitionContext forApiVersion(ResourceKind<?, ?> kind, String apiVersion) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    if (!group.equals(kind.group())) {
      throw new IllegalArgumentException("apiVersion " + apiVersion + " is not in the group of " + kind);
    }
    return context(kind, apiVersion.substring(slash + 1));
  }
}
