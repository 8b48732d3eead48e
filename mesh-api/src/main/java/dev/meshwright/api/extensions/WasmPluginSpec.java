package dev.meshwright.api.extensions;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.type.PolicyTargetReference;
import dev.meshwright.api.type.WorkloadSelector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The spec of a {@link WasmPlugin} ({@code istio.extensions.v1alpha1.WasmPlugin}): where the module comes
 * from, how to verify and pull it, where in the filter chain it goes, and its configuration. Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWasmPluginSpec.class)
@JsonDeserialize(as = ImmutableWasmPluginSpec.class)
public interface WasmPluginSpec {
  /** The workloads this applies to; all workloads of the namespace when nothing selects. */
  Optional<WorkloadSelector> selector();

  /** A single Gateway or Service this applies to, instead of a selector. */
  Optional<PolicyTargetReference> targetRef();

  /** Gateways or Services this applies to, instead of a selector. */
  List<PolicyTargetReference> targetRefs();

  /** The module location: {@code oci://}, {@code http(s)://} or {@code file://}; OCI when no scheme. Required. */
  Optional<String> url();

  /** The expected SHA-256 of the module, 64 lower-case hex digits. */
  Optional<String> sha256();

  /** When to pull an OCI image. */
  Optional<PullPolicy> imagePullPolicy();

  /** The pull secret (in the plugin's namespace) for a private registry. */
  Optional<String> imagePullSecret();

  /** A public key or certificate to verify the module signature with. */
  Optional<String> verificationKey();

  /** The plugin's configuration, handed to it as JSON. */
  Map<String, Object> pluginConfig();

  /** The plugin name used by the module's root context, if it needs one. */
  Optional<String> pluginName();

  /** Where in the filter chain the plugin goes; at the end when unspecified. */
  Optional<PluginPhase> phase();

  /** The order among plugins in the same phase; higher first. */
  Optional<Integer> priority();

  /** What happens when the module cannot be fetched or fails; FAIL_CLOSE when absent. */
  Optional<FailStrategy> failStrategy();

  /** The module's VM settings (environment variables). */
  Optional<VmConfig> vmConfig();

  /** The traffic the plugin applies to; all traffic when empty. */
  List<TrafficSelector> match();

  /** Whether this is an HTTP or a network filter; HTTP when unspecified. */
  Optional<PluginType> type();

  /** The filter type of a plugin. */
  enum PluginType {
    UNSPECIFIED_PLUGIN_TYPE,
    HTTP,
    NETWORK
  }

  /** Where in the filter chain a plugin is placed. */
  enum PluginPhase {
    UNSPECIFIED_PHASE,
    AUTHN,
    AUTHZ,
    STATS
  }

  /** When an OCI image is pulled (Kubernetes' names). */
  enum PullPolicy {
    UNSPECIFIED_POLICY,
    IfNotPresent,
    Always
  }

  /** Behaviour when the plugin cannot be loaded or fails. */
  enum FailStrategy {
    FAIL_CLOSE,
    FAIL_OPEN
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WasmPluginSpec}. */
  final class Builder extends ImmutableWasmPluginSpec.Builder {}
}
