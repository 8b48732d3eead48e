package dev.meshwright.api.extensions;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** VM settings of a {@link WasmPlugin} ({@code istio.extensions.v1alpha1.VmConfig}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableVmConfig.class)
@JsonDeserialize(as = ImmutableVmConfig.class)
public interface VmConfig {
  /** Environment variables of the VM; names must be unique. */
  List<EnvVar> env();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link VmConfig}. */
  final class Builder extends ImmutableVmConfig.Builder {}
}
