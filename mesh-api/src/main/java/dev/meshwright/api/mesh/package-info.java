/**
 * Istio's mesh-wide configuration ({@code istio.mesh.v1alpha1}): {@link dev.meshwright.api.mesh.MeshConfig}
 * with its proxy defaults ({@link dev.meshwright.api.mesh.ProxyConfig}) and extension providers, plus
 * {@link dev.meshwright.api.mesh.MeshConfigs}, which reads the {@code mesh} ConfigMap key, applies Istio's
 * defaults and merge rules, and validates. Sits at the start of the data flow, next to the resource
 * codec; injection, install and translation read the effective MeshConfig. Pure values, no I/O.
 */
@MeshStyle
package dev.meshwright.api.mesh;

import dev.meshwright.api.style.MeshStyle;
