/**
 * CDS: the clusters istiod 1.22.8 sends a proxy, built from the proxy's {@link dev.meshwright.xds.ProxyContext}
 * (imported services, DestinationRules, the services it serves). {@link dev.meshwright.xds.cluster.ClusterNames}
 * names them; {@link dev.meshwright.xds.cluster.Clusters} and {@link dev.meshwright.xds.cluster.TlsContexts}
 * are the pure Envoy constructors production and tests share; {@link dev.meshwright.xds.cluster.ClusterGenerator}
 * (Envoy) and {@link dev.meshwright.xds.cluster.GrpcClusterGenerator} (proxyless gRPC) are the generators.
 * Pure: no I/O, no clock; every class is stateless and thread-safe.
 */
package dev.meshwright.xds.cluster;
