/**
 * The workload CA, pure: X.509 with BouncyCastle, no files, sockets or wall clock (a {@link java.time.Clock} is
 * injected). {@link dev.meshwright.xds.ca.CertificateAuthority} holds a self-signed root (10 years) or a plugged-in
 * CA (istiod's {@code cacerts}: {@code ca-cert.pem}, {@code ca-key.pem}, {@code cert-chain.pem},
 * {@code root-cert.pem}, given as PEM text), signs CSRs into SPIFFE certificates and rotates its root with an
 * overlapping trust bundle. The gRPC {@code IstioCertificateService} sits on top of it in {@code ca.server}.
 */
package dev.meshwright.xds.ca;
