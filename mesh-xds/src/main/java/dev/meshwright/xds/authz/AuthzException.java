package dev.meshwright.xds.authz;

/** Why one rule, attribute or provider could not be translated; caught inside the package, never escapes it. */
final class AuthzException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  AuthzException(String message) {
    super(message, null, false, false);
  }
}
