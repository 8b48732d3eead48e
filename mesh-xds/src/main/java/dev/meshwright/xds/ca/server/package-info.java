/**
 * The CA at the edge: istiod's {@code istio.v1.auth.IstioCertificateService/CreateCertificate} on grpc-java
 * (hand-written message codecs with Istio's field numbers, since no Java stub of Istio's {@code ca.proto} is
 * published), the pluggable {@link dev.meshwright.xds.ca.server.Authenticator} of CSR callers, and
 * {@link dev.meshwright.xds.ca.server.CaFiles} reading a {@code cacerts} directory.
 */
package dev.meshwright.xds.ca.server;
