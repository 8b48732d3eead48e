/**
 * NDS: the DNS name table istiod sends sidecars ({@code istio.networking.nds.v1.NameTable}) so that the agent's DNS
 * proxy can answer for the services the proxy sees. {@link dev.meshwright.xds.nds.NameTableGenerator} is the
 * {@link dev.meshwright.xds.ResourceGenerator}; {@link dev.meshwright.xds.nds.NameTables} builds the message, whose
 * descriptor is made here from Istio's field numbers (no Java class of it exists).
 */
package dev.meshwright.xds.nds;
