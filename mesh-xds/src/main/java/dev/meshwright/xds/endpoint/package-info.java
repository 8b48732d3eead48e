/**
 * EDS: the ClusterLoadAssignments istiod 1.22.8 sends for the EDS clusters a proxy asks for (Envoy and proxyless
 * gRPC alike). The endpoint rules themselves live in {@link dev.meshwright.xds.cluster.LoadAssignments}, shared
 * with the STATIC and DNS clusters of CDS. Pure; stateless and thread-safe.
 */
package dev.meshwright.xds.endpoint;
