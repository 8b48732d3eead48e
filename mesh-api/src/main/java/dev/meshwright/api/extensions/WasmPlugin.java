package dev.meshwright.api.extensions;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ResourceKind;
import org.immutables.value.Value;

/**
 * An extensions.istio.io WasmPlugin: a WebAssembly module (from an OCI image, HTTP or a file) inserted into
 * the filter chain of the selected proxies, with its configuration. Immutable.
 *
 * <pre>{@code
 * WasmPlugin openid = WasmPlugin.builder()
 *     .metadata(ObjectMeta.of("openid-connect", "istio-ingress"))
 *     .spec(WasmPluginSpec.builder()
 *         .selector(WorkloadSelector.of(Map.of("istio", "ingressgateway")))
 *         .url("oci://private-registry:5000/openid-connect/openid:latest")
 *         .phase(WasmPluginSpec.PluginPhase.AUTHN)
 *         .putPluginConfig("openid_server", "authn")
 *         .build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface WasmPlugin extends IstioResource<WasmPluginSpec> {
  ResourceKind<WasmPlugin, WasmPluginSpec> KIND =
      ResourceKind.builder(WasmPlugin.class, WasmPluginSpec.class)
          .group("extensions.istio.io")
          .kind("WasmPlugin")
          .versions("v1alpha1")
          .factory((v, m, s, st) -> builder().apiVersion(v).metadata(m).spec(s).status(st).build())
          .validator(new WasmPluginValidator())
          .build();

  @Override
  WasmPluginSpec spec();

  @Override
  default ResourceKind<WasmPlugin, WasmPluginSpec> resourceKind() {
    return KIND;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WasmPlugin}. */
  final class Builder extends ImmutableWasmPlugin.Builder {}
}
