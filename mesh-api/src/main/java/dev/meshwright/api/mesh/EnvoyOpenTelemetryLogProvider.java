package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Access logs sent to an OpenTelemetry collector. Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyOpenTelemetryLogProvider.class)
@JsonDeserialize(as = ImmutableEnvoyOpenTelemetryLogProvider.class)
public interface EnvoyOpenTelemetryLogProvider {
  /** The provider's service, as {@code [namespace/]hostname}. */
  Optional<String> service();

  /** The service port. */
  Optional<Integer> port();

  /** Log name sent to the collector. */
  Optional<String> logName();

  /** The record format. */
  Optional<OtelLogFormat> logFormat();

  /** An OpenTelemetry log record format ({@code EnvoyOpenTelemetryLogProvider.LogFormat}). */
  @Value.Immutable
  @JsonSerialize(as = ImmutableOtelLogFormat.class)
  @JsonDeserialize(as = ImmutableOtelLogFormat.class)
  interface OtelLogFormat {
    /** Format of the record body. */
    Optional<String> text();

    /** Record attributes and their format strings. */
    Map<String, Object> labels();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link OtelLogFormat}. */
    final class Builder extends ImmutableOtelLogFormat.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyOpenTelemetryLogProvider}. */
  final class Builder extends ImmutableEnvoyOpenTelemetryLogProvider.Builder {}
}
