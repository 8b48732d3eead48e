/**
 * End-to-end tests with a real client: grpc-java's proxyless xDS client (grpc-xds) bootstrapped to the embedded
 * {@link dev.meshwright.xds.server.AdsServer} over loopback, which serves what istiod's generator set
 * ({@link dev.meshwright.xds.istiod.Istiod}) produces for a {@code GENERATOR=grpc} node, routing calls to real gRPC
 * backends. The fixture: {@link dev.meshwright.xds.e2e.Backend} (a server answering with its name, optionally
 * failing or slow), {@link dev.meshwright.xds.e2e.ProxylessClient} (one resolver scheme and bootstrap per client),
 * {@link dev.meshwright.xds.e2e.EchoMesh} (the Istio YAML), {@link dev.meshwright.xds.e2e.ControlPlane} and
 * {@link dev.meshwright.xds.e2e.Poll}. Every test uses free ports and closes what it opens, so tests may run in
 * parallel; waiting is polling with a deadline, and timings are only ever asserted as lower bounds.
 */
package dev.meshwright.xds.e2e;
