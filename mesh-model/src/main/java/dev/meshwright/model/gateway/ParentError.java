package dev.meshwright.model.gateway;

/**
 * Why a route could not bind to one parent (a Gateway listener or the mesh).
 *
 * @param reason one of the reason constants, in the order {@link RouteStatusBuilder} ranks them
 * @param message the condition message
 */
record ParentError(String reason, String message) {
  static final String NOT_ACCEPTED = "NoMatchingParent";
  static final String NOT_ALLOWED = "NotAllowedByListeners";
  static final String NO_HOSTNAME = "NoMatchingListenerHostname";
  static final String PARENT_REF_CONFLICT = "ParentRefConflict";

  ParentError joined(String more) {
    return new ParentError(reason, message + "; " + more);
  }
}
