/**
 * LDS for Envoy sidecars: {@code virtualOutbound}, {@code virtualInbound} with the inbound chains PeerAuthentication
 * shapes, and the per-port outbound listeners, as istiod 1.22.8 builds them. The last hop of the data flow for
 * listeners ({@code MeshSnapshot x Proxy -> Listener}); pure, no I/O. {@link dev.meshwright.xds.listener.ListenerGenerator}
 * is the entry point; {@link dev.meshwright.xds.listener.Listeners} holds the Envoy constructors production and tests
 * share; {@link dev.meshwright.xds.listener.InboundFilters} is the seam authorization plugs into.
 */
package dev.meshwright.xds.listener;
