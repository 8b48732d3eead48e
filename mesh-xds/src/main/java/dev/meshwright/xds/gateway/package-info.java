/**
 * Gateway (router proxy) generation: the selected networking.istio.io Gateways merged per port
 * ({@link dev.meshwright.xds.gateway.MergedGateway}), their listeners
 * ({@link dev.meshwright.xds.gateway.GatewayListenerGenerator}), route configurations
 * ({@link dev.meshwright.xds.gateway.GatewayRouteGenerator}) and the {@code credentialName} secrets
 * ({@link dev.meshwright.xds.gateway.CredentialSecretGenerator}), as istiod 1.22.8 builds them. Kubernetes
 * Gateway API gateways arrive here already converted to Istio Gateways and VirtualServices by mesh-model. Pure:
 * everything is a function of the {@link dev.meshwright.xds.ProxyContext}.
 */
package dev.meshwright.xds.gateway;
