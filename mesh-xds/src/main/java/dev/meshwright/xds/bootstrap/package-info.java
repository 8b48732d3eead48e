/**
 * The Envoy bootstrap pilot-agent writes before it starts Envoy ({@code envoy-rev.json}), rendered from a
 * {@link dev.meshwright.xds.bootstrap.BootstrapOptions} value by
 * {@link dev.meshwright.xds.bootstrap.BootstrapRenderer}. It sits beside the xDS hop rather than in it: istiod never
 * sends the bootstrap, but every cluster and listener it generates relies on the static resources this fixes
 * ({@code xds-grpc}, {@code sds-grpc}, {@code agent}, {@code prometheus_stats}, the stats and readiness listeners).
 * One feature per class: node metadata ({@code NodeMetadata}, {@code ServiceCluster}, {@code ProxyConfigJson}),
 * stats ({@code StatsSettings}), tracers ({@code Tracers}), TLS to telemetry services ({@code ServiceTls}), static
 * clusters and listeners ({@code AgentClusters}, {@code AgentListeners}), runtime flags ({@code RuntimeFlags}).
 * Pure: no files, environment or clock; the edge (meshctl) gathers the agent's environment and writes the files.
 */
package dev.meshwright.xds.bootstrap;
