/**
 * Istio config to Envoy xDS, the fourth hop of the data flow: {@code MeshSnapshot x Proxy --XdsGenerator-->
 * XdsResources}. Pure: no sockets, files, environment or clock. The ADS server, the CA and the debug endpoints
 * sit in edge packages ({@code *.server}) on top of it.
 */
package dev.meshwright.xds;
