/**
 * The running control plane, an edge package (sockets, threads, wall clock): {@link
 * dev.meshwright.xds.server.AdsServer} serves ADS (SotW and Delta) and SDS on grpc-java from a {@link
 * dev.meshwright.xds.server.ConfigSource} (the translator's {@code XdsGenerator} behind one method), with the push
 * pipeline (debounce, coalesced per-stream pushes, only changed resources sent), ACK/NACK and nonce tracking, and
 * per-proxy status; {@link dev.meshwright.xds.server.DebugServer} exposes {@code /debug/syncz},
 * {@code /debug/config_dump}, {@code /ready} and {@code /metrics}. Data flow: {@code publish(MeshSnapshot)} →
 * debounce → every stream regenerates → per-resource hashes decide what is sent.
 */
package dev.meshwright.xds.server;
