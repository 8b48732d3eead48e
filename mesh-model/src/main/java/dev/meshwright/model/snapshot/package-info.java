/**
 * The mesh snapshot, Meshwright's IR: one immutable {@link dev.meshwright.model.snapshot.MeshSnapshot} per
 * change, built by {@link dev.meshwright.model.snapshot.MeshTranslator} from a config view, the service
 * registry and the mesh config with Istio's rules (exportTo, DestinationRule merging, Sidecar and policy
 * selection). Every xDS generator reads it; {@code meshctl x snapshot} prints it. Pure.
 */
package dev.meshwright.model.snapshot;
