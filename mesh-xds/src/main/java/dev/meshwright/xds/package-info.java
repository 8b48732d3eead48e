/**
 * Istio config to Envoy xDS, the fourth hop of the data flow: {@code MeshSnapshot x Proxy --XdsGenerator-->
 * XdsResources}. Pure: no sockets, files, environment or clock. What generation derives from one snapshot for
 * every proxy (indexes, and the {@link dev.meshwright.xds.XdsCache} of resources proxies with the same inputs
 * share) lives in its {@link dev.meshwright.xds.SnapshotMemo}, which goes with the snapshot; it changes how fast
 * output comes, never what it is. The ADS server, the CA and the debug endpoints
 * sit in edge packages ({@code *.server}) on top of it.
 */
package dev.meshwright.xds;
