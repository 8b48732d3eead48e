/**
 * EnvoyFilter patches, applied as istiod 1.22.8 applies them: after generation, on the clusters, listeners and
 * route configurations one proxy receives, before the output checks, as the generator's
 * {@link dev.meshwright.xds.ResourcePatches} step ({@link dev.meshwright.xds.envoyfilter.EnvoyFilters}).
 * {@code ProxyPatches} selects and orders the patches of a proxy; {@code EnvoyFilterPatcher} applies them to
 * generated resources, building new protos (cached resources shared by other proxies are never touched).
 * The rules per object kind live in {@code ClusterPatches}, {@code ListenerPatches} and {@code RoutePatches};
 * {@code ProtoMerge} is Istio's MERGE. Pure: no I/O, no clock; every class is immutable or stateless.
 */
package dev.meshwright.xds.envoyfilter;
