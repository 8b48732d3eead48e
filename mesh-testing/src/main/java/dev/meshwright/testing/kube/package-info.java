/**
 * Fixtures on fabric8's Kubernetes mock server for what its CRUD mode cannot answer, such as
 * {@link dev.meshwright.testing.kube.TokenReviewer} for {@code TokenReview}. Needs {@code kubernetes-server-mock}
 * on the test classpath (an optional dependency of mesh-testing).
 */
package dev.meshwright.testing.kube;
