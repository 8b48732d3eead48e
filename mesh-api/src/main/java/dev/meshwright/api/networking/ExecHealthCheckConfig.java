package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** A readiness check that runs a command; exit status 0 means ready ({@code istio.networking.v1alpha3.ExecHealthCheckConfig}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableExecHealthCheckConfig.class)
@JsonDeserialize(as = ImmutableExecHealthCheckConfig.class)
public interface ExecHealthCheckConfig {
  /** The command and its arguments (required). */
  List<String> command();

  static ExecHealthCheckConfig of(String... command) {
    return builder().addCommand(command).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ExecHealthCheckConfig}. */
  final class Builder extends ImmutableExecHealthCheckConfig.Builder {}
}
