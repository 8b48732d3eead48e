package dev.meshwright.inject;

/**
 * Injection refused the pod: an invalid traffic or proxy annotation, an unknown template, or a workload without a
 * pod template. The message names the annotation or field and what is wrong with it.
 */
public final class InjectionException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An error with its message. */
  public InjectionException(String message) {
    super(message);
  }
}
