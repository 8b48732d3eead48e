/**
 * The Kubernetes source, at mesh-model's edge: fabric8 informers for Istio kinds, Gateway API kinds,
 * Services, EndpointSlices, Pods, Namespaces, Nodes and the {@code istio} mesh ConfigMap feed a
 * {@link dev.meshwright.model.config.ConfigStore}. The only package of mesh-model that uses a fabric8 client.
 */
package dev.meshwright.model.kube;
