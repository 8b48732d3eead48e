package dev.meshwright.model.gateway;

import java.util.Objects;

/**
 * Whether a TLS secret a Gateway listener references exists and holds a usable certificate/key pair. Only
 * validity matters to the conversion; the key material never reaches its output.
 */
@FunctionalInterface
public interface SecretLookup {
  /** The state of secret {@code namespace/name}. */
  SecretCheck check(String namespace, String name);

  /** A lookup where no secret exists. */
  static SecretLookup none() {
    return (ns, name) -> SecretCheck.notFound();
  }

  /**
   * The result of checking one secret.
   *
   * @param state whether it is usable
   * @param problem for {@link State#MALFORMED}, the parse error as Go's {@code crypto/tls} words it
   *     (e.g. {@code tls: failed to find any PEM data in certificate input}); empty otherwise
   */
  record SecretCheck(State state, String problem) {
    public SecretCheck {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(problem, "problem");
    }

    /** A usable certificate and key. */
    public static SecretCheck valid() {
      return new SecretCheck(State.VALID, "");
    }

    /** No such secret. */
    public static SecretCheck notFound() {
      return new SecretCheck(State.NOT_FOUND, "");
    }

    /** A secret whose certificate or key cannot be parsed. */
    public static SecretCheck malformed(String problem) {
      return new SecretCheck(State.MALFORMED, problem);
    }
  }

  /** The states of a secret. */
  enum State {
    /** Parses as a certificate/key pair. */
    VALID,
    /** Does not exist. */
    NOT_FOUND,
    /** Exists but is not a usable pair. */
    MALFORMED
  }
}
