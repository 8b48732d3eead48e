package dev.meshwright.api.kinds;

import dev.meshwright.api.ResourceKind;
import dev.meshwright.api.operator.IstioOperator;
import dev.meshwright.api.security.PeerAuthentication;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every Istio kind Meshwright types, looked up by apiVersion and kind. Immutable and thread-safe.
 *
 * <p>Adding a kind: declare its {@code KIND} constant on the resource type and list it in {@link #ALL}.
 */
public final class IstioKinds {
  /** Every typed kind, in a stable order. */
  public static final List<ResourceKind<?, ?>> ALL = List.of(
      // security.istio.io
      PeerAuthentication.KIND,
      // install.istio.io
      IstioOperator.KIND);

  /** API groups owned by Istio: an unknown kind in one of them is an error, not a generic resource. */
  public static final Set<String> ISTIO_GROUPS = Set.of(
      "networking.istio.io", "security.istio.io", "telemetry.istio.io", "extensions.istio.io",
      "install.istio.io");

  private static final Map<String, ResourceKind<?, ?>> BY_GROUP_KIND = new HashMap<>();

  static {
    for (ResourceKind<?, ?> k : ALL) {
      BY_GROUP_KIND.put(k.group() + "/" + k.kind(), k);
    }
  }

  private IstioKinds() {}

  /** The kind of that group, whatever the version. */
  public static Optional<ResourceKind<?, ?>> find(String group, String kind) {
    return Optional.ofNullable(BY_GROUP_KIND.get(group + "/" + kind));
  }

  /** Whether {@code group} belongs to Istio. */
  public static boolean isIstioGroup(String group) {
    return ISTIO_GROUPS.contains(group);
  }
}
