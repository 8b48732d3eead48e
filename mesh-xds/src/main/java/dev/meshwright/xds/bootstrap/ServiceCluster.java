package dev.meshwright.xds.bootstrap;

import dev.meshwright.api.mesh.ProxyConfig;
import java.util.List;
import java.util.Map;

/**
 * The Envoy service cluster ({@code node.cluster}) pilot-agent derives from the ProxyConfig's {@code serviceCluster}
 * or {@code tracingServiceName} and the pod's labels and namespace. A name of {@code istio-proxy} (or none) falls
 * back to {@code <app label>.<namespace>}, then {@code <workload>.<namespace>}, then {@code istio-proxy.<namespace>}.
 * Stateless.
 */
final class ServiceCluster {
  private static final String DEFAULT = "istio-proxy";
  private static final List<String> CANONICAL_NAME_LABELS = List.of("service.istio.io/canonical-name",
      "app.kubernetes.io/name", "app");

  private ServiceCluster() {}

  static String of(ProxyConfig config, Map<String, String> labels, String workloadName, String namespace) {
    if (config.serviceCluster().isPresent()) {
      return orDefault(config.serviceCluster().get(), labels, workloadName, namespace);
    }
    if (config.tracingServiceName().isEmpty()) {
      return orDefault(DEFAULT, labels, workloadName, namespace);
    }
    String workload = workloadName.isEmpty() ? DEFAULT : workloadName;
    String canonical = CANONICAL_NAME_LABELS.stream().filter(labels::containsKey).findFirst()
        .map(labels::get).orElse(workload);
    return switch (config.tracingServiceName().get()) {
      case APP_LABEL_AND_NAMESPACE -> orDefault(DEFAULT, labels, workloadName, namespace);
      case CANONICAL_NAME_ONLY -> orDefault(canonical, labels, workloadName, namespace);
      case CANONICAL_NAME_AND_NAMESPACE -> namespace.isEmpty()
          ? orDefault(canonical, labels, workloadName, namespace) : canonical + "." + namespace;
    };
  }

  private static String orDefault(String name, Map<String, String> labels, String workloadName, String namespace) {
    if (!name.isEmpty() && !name.equals(DEFAULT)) {
      return name;
    }
    if (labels.containsKey("app")) {
      return labels.get("app") + "." + namespace;
    }
    if (!workloadName.isEmpty()) {
      return workloadName + "." + namespace;
    }
    return namespace.isEmpty() ? DEFAULT : DEFAULT + "." + namespace;
  }
}
