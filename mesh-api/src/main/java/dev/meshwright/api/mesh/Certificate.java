package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A DNS certificate istiod issues into a secret ({@code istio.mesh.v1alpha1.Certificate}, deprecated).
 * Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCertificate.class)
@JsonDeserialize(as = ImmutableCertificate.class)
public interface Certificate {
  /** Name of the secret. */
  Optional<String> secretName();

  /** DNS names of the certificate. */
  List<String> dnsNames();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Certificate}. */
  final class Builder extends ImmutableCertificate.Builder {}
}
