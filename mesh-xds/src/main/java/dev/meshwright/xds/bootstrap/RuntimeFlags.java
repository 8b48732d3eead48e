package dev.meshwright.xds.bootstrap;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.meshwright.xds.bootstrap.BootstrapOptions.Feature;
import java.util.Map;
import java.util.TreeMap;

/**
 * The static runtime layer ({@code global config}): pilot-agent's defaults, the FIPS switch, then the ProxyConfig's
 * {@code runtimeValues}, where {@code "true"}/{@code "false"} become booleans and an empty value removes a default.
 * Stateless.
 */
final class RuntimeFlags {
  static final String FIPS_140_2 = "fips-140-2";

  private RuntimeFlags() {}

  static Struct of(BootstrapOptions options) {
    Map<String, Value> flags = new TreeMap<>();
    flags.put("overload.global_downstream_max_connections", JsonStructs.string("2147483647"));
    flags.put("re2.max_program_size.error_level", JsonStructs.string("32768"));
    flags.put("envoy.deprecated_features:envoy.config.listener.v3.Listener.hidden_envoy_deprecated_use_original_dst",
        bool(true));
    flags.put("envoy.reloadable_features.http_reject_path_with_fragment", bool(false));
    if (options.compliancePolicy().filter(FIPS_140_2::equals).isPresent()) {
      flags.put("envoy.reloadable_features.google_grpc_disable_tls_13", bool(true));
    }
    if (options.has(Feature.KEEP_URL_FRAGMENT)) {
      flags.put("envoy.reloadable_features.http_strip_fragment_from_path_unsafe_if_disabled",
          JsonStructs.string("false"));
    }
    options.proxyConfig().runtimeValues().forEach((k, v) -> {
      switch (v) {
        case "" -> flags.remove(k);
        case "true" -> flags.put(k, bool(true));
        case "false" -> flags.put(k, bool(false));
        default -> flags.put(k, JsonStructs.string(v));
      }
    });
    return Struct.newBuilder().putAllFields(flags).build();
  }

  private static Value bool(boolean b) {
    return Value.newBuilder().setBoolValue(b).build();
  }
}
