package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * Extension providers used when no Telemetry resource names one ({@code MeshConfig.DefaultProviders}).
 * Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDefaultProviders.class)
@JsonDeserialize(as = ImmutableDefaultProviders.class)
public interface DefaultProviders {
  /** Tracing providers. */
  List<String> tracing();

  /** Metrics providers. */
  List<String> metrics();

  /** Access log providers. */
  List<String> accessLogging();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DefaultProviders}. */
  final class Builder extends ImmutableDefaultProviders.Builder {}
}
