package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Access logs written to a file by Envoy. Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableEnvoyFileAccessLogProvider.class)
@JsonDeserialize(as = ImmutableEnvoyFileAccessLogProvider.class)
public interface EnvoyFileAccessLogProvider {
  /** The file, e.g. {@code /dev/stdout}. */
  Optional<String> path();

  /** The line format. */
  Optional<AccessLogFormat> logFormat();

  /** A file access log format: text or JSON labels ({@code EnvoyFileAccessLogProvider.LogFormat}). */
  @Value.Immutable
  @JsonSerialize(as = ImmutableAccessLogFormat.class)
  @JsonDeserialize(as = ImmutableAccessLogFormat.class)
  interface AccessLogFormat {
    /** A text format string (oneof log format). */
    Optional<String> text();

    /** JSON fields and their format strings (oneof log format). */
    Map<String, Object> labels();

    /** Rejects more than one member of the log_format oneof. */
    @Value.Check
    default void checkOneof() {
      Oneofs.atMostOne(
          "log_format",
          "text", text().isPresent(),
          "labels", !labels().isEmpty());
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link AccessLogFormat}. */
    final class Builder extends ImmutableAccessLogFormat.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnvoyFileAccessLogProvider}. */
  final class Builder extends ImmutableEnvoyFileAccessLogProvider.Builder {}
}
