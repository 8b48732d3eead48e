package dev.meshwright.install.apply;

/** How an object is written to the API server. */
public enum ApplyMode {
  /**
   * Server-side apply as the options' field manager, forcing ownership of the fields Meshwright renders
   * (as istioctl does). The default; needs a real API server.
   */
  SERVER_SIDE,
  /**
   * Create, or replace the stored object at its current resourceVersion. For API servers without
   * server-side apply, such as fabric8's CRUD mock server.
   */
  CREATE_OR_REPLACE
}
