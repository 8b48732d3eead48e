/**
 * telemetry.istio.io: the Telemetry kind (tracing, metrics and access logging per mesh, namespace or
 * workload), its spec and its validator. Pure values, read by the YAML codec and validated before they
 * reach the config store.
 */
@MeshStyle
package dev.meshwright.api.telemetry;

import dev.meshwright.api.style.MeshStyle;
