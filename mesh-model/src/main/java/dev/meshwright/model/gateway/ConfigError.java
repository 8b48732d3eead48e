package dev.meshwright.model.gateway;

/**
 * A problem found while converting an object, reported in a status condition with Istio's reason code.
 *
 * @param reason the condition reason ({@code BackendNotFound}, {@code InvalidCertificateRef}...)
 * @param message the condition message, worded as Istio words it
 */
record ConfigError(String reason, String message) {
  static final String REF_NOT_PERMITTED = "RefNotPermitted";
  static final String INVALID_DESTINATION = "InvalidDestination";
  static final String UNSUPPORTED_ADDRESS = "UnsupportedAddress";
  static final String INVALID_KIND = "InvalidKind";
  static final String BACKEND_NOT_FOUND = "BackendNotFound";
  static final String INVALID_FILTER = "InvalidFilter";
  static final String INVALID_CERTIFICATE_REF = "InvalidCertificateRef";
  static final String INVALID_CONFIGURATION = "InvalidConfiguration";
  static final String DEPRECATED_FIELD = "DeprecatedField";

  /** Whether the error only drops one backend (the route is still generated). */
  boolean isInvalidBackend() {
    return reason.equals(REF_NOT_PERMITTED) || reason.equals(BACKEND_NOT_FOUND) || reason.equals(INVALID_KIND);
  }
}
