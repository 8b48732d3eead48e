package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** An HTTP GET readiness check ({@code istio.networking.v1alpha3.HTTPHealthCheckConfig}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableHTTPHealthCheckConfig.class)
@JsonDeserialize(as = ImmutableHTTPHealthCheckConfig.class)
public interface HTTPHealthCheckConfig {
  /** The request path. */
  Optional<String> path();

  /** The port (required). */
  Optional<Integer> port();

  /** The host to connect to; the workload's IP when unset. */
  Optional<String> host();

  /** {@code HTTP} or {@code HTTPS}, upper case as Kubernetes spells them; HTTP when unset. */
  Optional<String> scheme();

  /** Headers sent with the request. */
  List<HTTPHeader> httpHeaders();

  /** One request header ({@code istio.networking.v1alpha3.HTTPHeader}). */
  @Value.Immutable
  @JsonSerialize(as = ImmutableHTTPHeader.class)
  @JsonDeserialize(as = ImmutableHTTPHeader.class)
  interface HTTPHeader {
    Optional<String> name();

    Optional<String> value();

    static HTTPHeader of(String name, String value) {
      return builder().name(name).value(value).build();
    }

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link HTTPHeader}. */
    final class Builder extends ImmutableHTTPHeader.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link HTTPHealthCheckConfig}. */
  final class Builder extends ImmutableHTTPHealthCheckConfig.Builder {}
}
