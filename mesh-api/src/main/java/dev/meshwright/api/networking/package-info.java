/**
 * networking.istio.io kinds: Gateway, VirtualService, DestinationRule, ServiceEntry, Sidecar,
 * WorkloadEntry, WorkloadGroup, EnvoyFilter and ProxyConfig, with their specs and validators.
 * Pure values; read and written by {@link dev.meshwright.api.yaml.MeshYaml}.
 */
@MeshStyle
package dev.meshwright.api.networking;

import dev.meshwright.api.style.MeshStyle;
