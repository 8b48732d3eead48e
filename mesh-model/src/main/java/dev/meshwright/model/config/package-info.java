/**
 * The config store, the first stop in the data flow: sources at the edge (YAML directories, Kubernetes
 * informers) put {@link dev.meshwright.api.MeshResource}s into a {@link dev.meshwright.model.config.ConfigStore};
 * it hands out immutable, versioned {@link dev.meshwright.model.config.ConfigView}s and tells listeners what
 * changed. Pure: no I/O, no clock.
 */
package dev.meshwright.model.config;
