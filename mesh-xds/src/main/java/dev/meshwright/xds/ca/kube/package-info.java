/**
 * The CA's Kubernetes edge: {@link dev.meshwright.xds.ca.kube.TokenReviewAuthenticator}, istiod's Kubernetes JWT
 * authentication of CSR callers by a {@code TokenReview} against the API server (fabric8 client). It plugs into
 * {@link dev.meshwright.xds.ca.server.IstioCertificateService} as its
 * {@link dev.meshwright.xds.ca.server.Authenticator}. The only package of mesh-xds that uses a Kubernetes client.
 */
package dev.meshwright.xds.ca.kube;
