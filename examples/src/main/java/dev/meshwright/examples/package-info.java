/**
 * Runnable examples of embedding Meshwright, each a small {@code main} in its own package and documented in
 * {@code examples/README.md}: {@link dev.meshwright.examples.canary} (typed builders applied to a cluster),
 * {@link dev.meshwright.examples.install} (an install and a revision-based canary upgrade rendered from
 * Java), {@link dev.meshwright.examples.webhook} (the sidecar-injection webhook inside a platform),
 * {@link dev.meshwright.examples.embed} (the xDS control plane over your own registry, with a proxyless gRPC client).
 * {@link dev.meshwright.examples.LocalCluster} is the API server they run against when no cluster is given.
 */
package dev.meshwright.examples;
