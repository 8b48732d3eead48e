package dev.meshwright.xds.listener;

import dev.meshwright.api.validation.Protocol;

/** How a listener treats a port: as HTTP, as opaque TCP, sniffed (AUTO), or not at all (UDP). */
enum ChainProtocol {
  HTTP, TCP, AUTO, NONE;

  /** Istio's {@code ModelProtocolToListenerProtocol}. */
  static ChainProtocol of(Protocol p) {
    if (p == Protocol.UNSUPPORTED) {
      return AUTO;
    }
    if (p.isHttp()) {
      return HTTP;
    }
    return p.isTcp() ? TCP : NONE;
  }
}
