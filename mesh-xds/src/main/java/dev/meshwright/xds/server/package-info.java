/**
 * The running control plane, an edge package (sockets, threads, wall clock): {@link
 * dev.meshwright.xds.server.AdsServer} serves ADS (SotW and Delta) and SDS on grpc-java from a {@link
 * dev.meshwright.xds.server.ConfigSource} (the translator's {@code XdsGenerator} behind one method), with the push
 * pipeline, ACK/NACK and nonce tracking, and per-proxy status; {@link dev.meshwright.xds.server.DebugServer}
 * exposes {@code /debug/syncz}, {@code /debug/config_dump}, {@code /ready} and {@code /metrics}.
 *
 * <p>Data flow: {@code publish(MeshSnapshot)} → debounce → {@code SnapshotChanges.between(current, next)} → each
 * stream applies istiod's {@code DefaultProxyNeedsPush} rule ({@code PushPolicy}) to its proxy's Sidecar scope
 * before and after ({@code xds.ConfigDependencies}): skip (nothing generated), EDS of the changed services only,
 * or a full generation → per-resource hashes decide what is sent. Mesh config, PeerAuthentication and unscoped
 * kinds reach every proxy; root-namespace AuthorizationPolicy/RequestAuthentication every proxy, others their
 * namespace; services, VirtualServices, DestinationRules and Sidecars the sidecars whose scope uses them; Gateways
 * only gateways. New streams' first syncs pass an adaptive (AIMD) concurrency limit ({@code Admission}); pushes
 * wait for gRPC's {@code isReady()}, so memory per slow stream is bounded by one push, and for a global
 * {@code SendBudget} on the bytes all streams leave queued in gRPC.
 */
package dev.meshwright.xds.server;
