/**
 * Kubernetes {@code Ingress} (networking.k8s.io/v1) → Istio Gateway and VirtualService, as istiod 1.22's ingress
 * controller converts them ({@code pilot/pkg/config/kube/ingress}). Pure functions of the Ingress objects, the mesh
 * config and the domain suffix; {@link dev.meshwright.model.ingress.IngressConversion} is the entry point.
 */
package dev.meshwright.model.ingress;
