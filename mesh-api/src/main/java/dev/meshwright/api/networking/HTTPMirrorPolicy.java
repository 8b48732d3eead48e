package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** One mirror destination of an HTTP route ({@code istio.networking.v1alpha3.HTTPMirrorPolicy}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableHTTPMirrorPolicy.class)
@JsonDeserialize(as = ImmutableHTTPMirrorPolicy.class)
public interface HTTPMirrorPolicy {
  /** Where copies go; required. */
  Optional<Destination> destination();

  /** The share of requests mirrored; all when absent. */
  Optional<Percent> percentage();

  /** Mirrors every request to {@code destination}. */
  static HTTPMirrorPolicy to(Destination destination) {
    return builder().destination(destination).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link HTTPMirrorPolicy}. */
  final class Builder extends ImmutableHTTPMirrorPolicy.Builder {}
}
