package dev.meshwright.api.kinds;

import dev.meshwright.api.ResourceKind;
import dev.meshwright.api.extensions.WasmPlugin;
import dev.meshwright.api.networking.DestinationRule;
import dev.meshwright.api.networking.EnvoyFilter;
import dev.meshwright.api.networking.Gateway;
import dev.meshwright.api.networking.ProxyConfig;
import dev.meshwright.api.networking.ServiceEntry;
import dev.meshwright.api.networking.Sidecar;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.api.networking.WorkloadEntry;
import dev.meshwright.api.networking.WorkloadGroup;
import dev.meshwright.api.operator.IstioOperator;
import dev.meshwright.api.security.AuthorizationPolicy;
import dev.meshwright.api.security.PeerAuthentication;
import dev.meshwright.api.security.RequestAuthentication;
import dev.meshwright.api.telemetry.Telemetry;
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
      // networking.istio.io
      Gateway.KIND, VirtualService.KIND, DestinationRule.KIND, Sidecar.KIND,
      ServiceEntry.KIND, WorkloadEntry.KIND, WorkloadGroup.KIND, EnvoyFilter.KIND, ProxyConfig.KIND,
      // security.istio.io
      PeerAuthentication.KIND,
      AuthorizationPolicy.KIND,
      RequestAuthentication.KIND,
      // telemetry.istio.io
      Telemetry.KIND,
      // extensions.istio.io
      WasmPlugin.KIND,
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
