/**
 * Istio security policy to Envoy filters for one workload, part of the fourth hop ({@code MeshSnapshot x Proxy -->
 * xDS}): AuthorizationPolicies become {@code envoy.filters.{http,network}.rbac} and {@code ext_authz} filters
 * ({@link dev.meshwright.xds.authz.AuthzFilters}), RequestAuthentications the {@code jwt_authn} filter
 * ({@link dev.meshwright.xds.authz.JwtFilters}). The listener generator calls these for inbound chains with an
 * {@link dev.meshwright.xds.authz.AuthzInput} built from its {@link dev.meshwright.xds.ProxyContext}. Pure: no
 * I/O; bad policies become diagnostics, never exceptions.
 */
package dev.meshwright.xds.authz;
