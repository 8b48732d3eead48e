/**
 * Sidecar injection, Istio 1.22 compatible: the injection policy (which pods the injector mutates and why,
 * {@link dev.meshwright.inject.InjectionPolicy}), the injector's configuration
 * ({@link dev.meshwright.inject.InjectionOptions}, read by {@link dev.meshwright.inject.InjectorConfigReader}), the
 * view of which revisioned webhooks would be called for a pod ({@link dev.meshwright.inject.InjectionWebhook}), the
 * pod mutation itself ({@link dev.meshwright.inject.SidecarInjector}) and offline kube-inject
 * ({@link dev.meshwright.inject.KubeInject}).
 *
 * <p>Data flow: {@code Pod/workload + Namespace labels + InjectionOptions --InjectionPolicy--> InjectionDecision};
 * {@code Pod + WorkloadRef + InjectionSettings(values, MeshConfig, options, features) --SidecarInjector-->
 * InjectionResult(pod, RFC 6902 patch)}; the admission webhook (an edge package) turns the result into an
 * AdmissionReview response. The sidecar templates are written in Java ({@code SidecarTemplates},
 * {@code IptablesContainers}, {@code ProxyContainer}, {@code ProxyEnv}, {@code SidecarVolumes},
 * {@code GrpcTemplates}) and merged with a strategic merge ({@code StrategicMerge}); post-processing
 * ({@code PodPostProcess}, {@code PrometheusMerge}, {@code ProbeRewrite}, {@code ContainerOverrides}) follows
 * istiod's order. Pods are Jackson trees. Everything here is pure: no files, sockets, environment or clock; value
 * types are immutable and operations never modify their inputs.
 */
package dev.meshwright.inject;
