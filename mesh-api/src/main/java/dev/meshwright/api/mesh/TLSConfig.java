package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** TLS parameters: protocol floor, ECDH curves and cipher suites ({@code MeshConfig.TLSConfig}). Immutable. */
@Value.Immutable
@JsonSerialize(as = ImmutableTLSConfig.class)
@JsonDeserialize(as = ImmutableTLSConfig.class)
public interface TLSConfig {
  /** Lowest TLS version accepted. */
  Optional<TLSProtocol> minProtocolVersion();

  /** ECDH curves. */
  List<String> ecdhCurves();

  /** Cipher suites. */
  List<String> cipherSuites();

  /** TLS versions. */
  enum TLSProtocol {
    TLS_AUTO,
    TLSV1_2,
    TLSV1_3
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TLSConfig}. */
  final class Builder extends ImmutableTLSConfig.Builder {}
}
