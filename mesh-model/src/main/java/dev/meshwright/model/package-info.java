/**
 * The mesh world model, Istio 1.22 compatible: the config store and its immutable views, the service
 * registry, the mesh snapshot (the IR every generator reads), Istio's analyzers and the Kubernetes
 * Gateway API conversion. The Kubernetes informer source lives in the edge package {@code ..kube..};
 * the directory source lives at meshctl's edge ({@code dev.meshwright.cli.source}) over the pure
 * {@code config.TextSources}; everything else is pure.
 */
package dev.meshwright.model;
