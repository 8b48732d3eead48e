package dev.meshwright.api.mesh;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Offloads TLS private-key operations ({@code istio.mesh.v1alpha1.PrivateKeyProvider}): CryptoMB or QAT.
 * Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePrivateKeyProvider.class)
@JsonDeserialize(as = ImmutablePrivateKeyProvider.class)
public interface PrivateKeyProvider {
  /** Intel CryptoMB (AVX-512). */
  Optional<CryptoMb> cryptomb();

  /** Intel QuickAssist. */
  Optional<QAT> qat();

  /** Rejects more than one member of the provider oneof. */
  @Value.Check
  default void checkOneof() {
    Oneofs.atMostOne(
        "provider",
        "cryptomb", cryptomb().isPresent(),
        "qat", qat().isPresent());
  }

  /** CryptoMB settings. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableCryptoMb.class)
  @JsonDeserialize(as = ImmutableCryptoMb.class)
  interface CryptoMb {
    /** How long requests are batched. */
    Optional<Duration> pollDelay();

    /** Falls back to software when unavailable. */
    Optional<Boolean> fallback();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link CryptoMb}. */
    final class Builder extends ImmutableCryptoMb.Builder {}
  }

  /** QAT settings. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableQAT.class)
  @JsonDeserialize(as = ImmutableQAT.class)
  interface QAT {
    /** How often the accelerator is polled. */
    Optional<Duration> pollDelay();

    /** Falls back to software when unavailable. */
    Optional<Boolean> fallback();

    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link QAT}. */
    final class Builder extends ImmutableQAT.Builder {}
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PrivateKeyProvider}. */
  final class Builder extends ImmutablePrivateKeyProvider.Builder {}
}
