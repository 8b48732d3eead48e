/**
 * Kubernetes Gateway API to Istio conversion, as Istio 1.22's gateway controller does it.
 *
 * <p>Sits before the config store in the data flow: {@link dev.meshwright.model.gateway.GatewayApiTranslator}
 * turns GatewayClass, Gateway, HTTPRoute, GRPCRoute, TCPRoute, TLSRoute and ReferenceGrant objects (fabric8's
 * typed model, normalised to {@code v1} classes by {@link dev.meshwright.model.gateway.GatewayApiObjects}) into
 * generated Istio {@code Gateway} and {@code VirtualService} resources plus the status every input object
 * would get. Cluster facts the conversion needs (services, secrets, namespace labels, the domain suffix, a
 * clock for condition times) come in through {@link dev.meshwright.model.gateway.GatewayEnvironment}. Pure:
 * no files, sockets, environment variables or wall clock.
 */
package dev.meshwright.model.gateway;
