package dev.meshwright.install.apply;

/**
 * Receives progress of an install or uninstall as it happens, for a CLI to print. Every method has an
 * empty default, so a listener overrides what it shows. Calls come from the installing thread, in order.
 */
public interface ProgressListener {
  /** A listener that shows nothing. */
  ProgressListener NONE = new ProgressListener() {};

  /** A phase with {@code count} objects starts. */
  default void phaseStarted(ApplyPhase phase, int count) {}

  /** One object was written (or deleted, during an uninstall). */
  default void objectDone(ObjectRef object) {}

  /** Writing (or deleting) one object failed with {@code message}. */
  default void objectFailed(ObjectRef object, String message) {}

  /** Still waiting for {@code object}, which is not ready because of {@code reason}. */
  default void waiting(ObjectRef object, String reason) {}

  /** {@code object} became ready. */
  default void ready(ObjectRef object) {}
}
