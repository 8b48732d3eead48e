/**
 * Example: the control plane embedded in your own service over your own registry
 * ({@link dev.meshwright.examples.embed.EmbeddedControlPlane}). Covers the whole xDS path of the data flow without
 * Kubernetes: a platform inventory → ServiceEntries → {@code MeshSnapshot} → mesh-xds's {@code AdsServer} → a
 * proxyless grpc-java client, and an inventory change pushed on the endpoint-only fast path.
 */
package dev.meshwright.examples.embed;
