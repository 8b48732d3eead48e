package dev.meshwright.xds.ca;

/** A request the CA cannot serve (unreadable or badly signed CSR, mismatched CA files), with the reason. */
public final class CaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a reason. */
  public CaException(String message) {
    super(message);
  }

  /** With a reason and the underlying error. */
  public CaException(String message, Throwable cause) {
    super(message, cause);
  }
}
