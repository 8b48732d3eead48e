/**
 * The fabric8 bridge, pure half: converts Meshwright resources to and from fabric8's
 * {@link io.fabric8.kubernetes.api.model.GenericKubernetesResource} and describes each Istio kind as a
 * {@link io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext}.
 *
 * <p>Data flow: a typed {@code IstioResource} is written by {@code MeshYaml} as JSON and read by fabric8's
 * serializer into a generic resource; the way back goes through the same JSON and {@code MeshYaml}'s
 * binder, so a document from a cluster gets exactly the diagnostics a file would. Nothing here opens a
 * connection; {@link dev.meshwright.fabric8.kube} is the edge that talks to an API server.
 */
package dev.meshwright.fabric8;
