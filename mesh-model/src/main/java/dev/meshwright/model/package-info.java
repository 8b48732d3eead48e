/**
 * The mesh world model, Istio 1.22 compatible: the config store and its immutable views, the service
 * registry, the mesh snapshot (the IR every generator reads), Istio's analyzers and the Kubernetes
 * Gateway API conversion. Sources with I/O (YAML directories, Kubernetes informers) live in edge
 * packages ({@code ..kube..}); everything else is pure.
 */
package dev.meshwright.model;
