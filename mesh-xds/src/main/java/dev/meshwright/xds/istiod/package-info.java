/**
 * Wiring: {@link dev.meshwright.xds.istiod.Istiod} assembles the per-type generators of the sibling packages into
 * the {@link dev.meshwright.xds.XdsGenerator} that behaves like istiod 1.22.8. Pure.
 */
package dev.meshwright.xds.istiod;
