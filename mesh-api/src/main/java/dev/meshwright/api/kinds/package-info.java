/**
 * The registry of every typed Istio kind ({@link dev.meshwright.api.kinds.IstioKinds}) and the validation
 * entry point over any resource ({@link dev.meshwright.api.kinds.MeshValidator}). Pure.
 */
package dev.meshwright.api.kinds;
