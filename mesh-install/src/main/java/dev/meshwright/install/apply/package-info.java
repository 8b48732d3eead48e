/**
 * The install edge: puts a rendered manifest (a list of fabric8 objects) onto an API server and takes it
 * away again. {@link dev.meshwright.install.apply.Installer} applies in dependency order (CRDs,
 * namespaces, RBAC, config, workloads, webhooks) and waits for workloads to become ready;
 * {@link dev.meshwright.install.apply.Uninstaller} deletes in reverse order;
 * {@link dev.meshwright.install.apply.InstallVerifier} checks that every object is there and ready;
 * {@link dev.meshwright.install.apply.Precheck} looks at the cluster before an install; and
 * {@link dev.meshwright.install.apply.Reconciler} converges IstioOperator resources the way Istio's
 * operator controller does.
 *
 * <p>This package talks to the cluster through a fabric8 {@code KubernetesClient}; it is one of the edge
 * packages the architecture test allows to. Time is read from an injected {@link java.time.Clock} and
 * waiting goes through an injected {@link dev.meshwright.install.apply.Sleeper}, so tests run without
 * real delays.
 */
package dev.meshwright.install.apply;
