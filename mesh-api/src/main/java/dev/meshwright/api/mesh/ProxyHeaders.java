package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Which headers the proxy adds or forwards ({@code ProxyConfig.ProxyHeaders}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableProxyHeaders.class)
@JsonDeserialize(as = ImmutableProxyHeaders.class)
public interface ProxyHeaders {
  /** How the XFCC header is handled. */
  Optional<ForwardClientCertDetails> forwardedClientCert();

  /** The x-request-id header. */
  Optional<RequestId> requestId();

  /** The server header. */
  Optional<Server> server();

  /** The x-envoy-attempt-count header. */
  Optional<AttemptCount> attemptCount();

  /** The x-envoy-* debug headers. */
  Optional<EnvoyDebugHeaders> envoyDebugHeaders();

  /** The metadata exchange headers. */
  Optional<MetadataExchangeHeaders> metadataExchangeHeaders();

  /** The server header. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableServer.class)
  @JsonDeserialize(as = ImmutableServer.class)
  interface Server {
    /** Leaves the header out. */
    Optional<Boolean> disabled();

    /** Replaces the value. */
    Optional<String> value();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Server}. */
    final class Builder extends ImmutableServer.Builder {}
  }

  /** The x-request-id header. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableRequestId.class)
  @JsonDeserialize(as = ImmutableRequestId.class)
  interface RequestId {
    /** Neither generates nor forwards it. */
    Optional<Boolean> disabled();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link RequestId}. */
    final class Builder extends ImmutableRequestId.Builder {}
  }

  /** The x-envoy-attempt-count header. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableAttemptCount.class)
  @JsonDeserialize(as = ImmutableAttemptCount.class)
  interface AttemptCount {
    /** Leaves the header out. */
    Optional<Boolean> disabled();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link AttemptCount}. */
    final class Builder extends ImmutableAttemptCount.Builder {}
  }

  /** Envoy's debug headers. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableEnvoyDebugHeaders.class)
  @JsonDeserialize(as = ImmutableEnvoyDebugHeaders.class)
  interface EnvoyDebugHeaders {
    /** Leaves the headers out. */
    Optional<Boolean> disabled();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link EnvoyDebugHeaders}. */
    final class Builder extends ImmutableEnvoyDebugHeaders.Builder {}
  }

  /** The metadata exchange headers. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableMetadataExchangeHeaders.class)
  @JsonDeserialize(as = ImmutableMetadataExchangeHeaders.class)
  interface MetadataExchangeHeaders {
    /** When they are added. */
    Optional<MetadataExchangeMode> mode();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link MetadataExchangeHeaders}. */
    final class Builder extends ImmutableMetadataExchangeHeaders.Builder {}
  }

  /** When metadata exchange headers are added. */
  enum MetadataExchangeMode {
    UNDEFINED,
    IN_MESH
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ProxyHeaders}. */
  final class Builder extends ImmutableProxyHeaders.Builder {}
}
