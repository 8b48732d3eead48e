package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** An HTTP endpoint used by a provider (path, timeout, headers). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableHttpService.class)
@JsonDeserialize(as = ImmutableHttpService.class)
public interface HttpService {
  /** Request path. */
  Optional<String> path();

  /** Request timeout. */
  Optional<Duration> timeout();

  /** Extra request headers. */
  List<HttpHeader> headers();

  /** A request header added by a provider. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableHttpHeader.class)
  @JsonDeserialize(as = ImmutableHttpHeader.class)
  interface HttpHeader {
    /** Header name. */
    Optional<String> name();

    /** Header value. */
    Optional<String> value();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link HttpHeader}. */
    final class Builder extends ImmutableHttpHeader.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link HttpService}. */
  final class Builder extends ImmutableHttpService.Builder {}
}
