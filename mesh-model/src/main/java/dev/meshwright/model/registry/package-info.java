/**
 * The service registry: from a {@link dev.meshwright.model.config.ConfigView}, Kubernetes Services,
 * EndpointSlices, Pods and Nodes plus Istio ServiceEntries and WorkloadEntries become mesh services
 * ({@code name.ns.svc.cluster.local}), their ports (protocol by Istio's rules) and endpoints, and the
 * workloads that policies select. Second hop of the data flow, after the config store; pure.
 */
package dev.meshwright.model.registry;
