/**
 * The fabric8 bridge, edge half: {@link dev.meshwright.fabric8.kube.MeshClient} stores and reads typed Istio
 * resources through a {@code KubernetesClient}, using the pure conversions of {@link dev.meshwright.fabric8}.
 * API-server failures become {@link dev.meshwright.fabric8.kube.MeshClientException}s naming the resource.
 */
package dev.meshwright.fabric8.kube;
