/**
 * The entry point of the typed model: {@link dev.meshwright.api.MeshResource} (anything read from YAML),
 * {@link dev.meshwright.api.IstioResource} (a typed Istio kind), {@link dev.meshwright.api.ObjectMeta},
 * the registry of kinds ({@link dev.meshwright.api.ResourceKinds}) and {@link dev.meshwright.api.Diagnostic}.
 *
 * <p>Data flow: {@code [edge] YAML/JSON text --MeshYaml--> List<MeshResource> --MeshValidator--> Diagnostics}.
 * Everything here is pure: no files, sockets, environment or clock.
 */
@MeshStyle
package dev.meshwright.api;

import dev.meshwright.api.style.MeshStyle;
