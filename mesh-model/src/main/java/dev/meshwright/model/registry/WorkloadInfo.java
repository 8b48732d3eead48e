package dev.meshwright.model.registry;

import dev.meshwright.api.GenericResource;
import dev.meshwright.api.networking.WorkloadEntry;
import dev.meshwright.api.networking.WorkloadEntrySpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * What endpoints learn from the workload behind them: labels (with Istio's topology labels), locality,
 * identity, TLS mode and network. Pure functions over Pods, Nodes and WorkloadEntries.
 */
final class WorkloadInfo {
  static final String LOCALITY_LABEL = "istio-locality";
  static final String NETWORK_LABEL = "topology.istio.io/network";
  static final String CLUSTER_LABEL = "topology.istio.io/cluster";
  static final String REGION_LABEL = "topology.kubernetes.io/region";
  static final String ZONE_LABEL = "topology.kubernetes.io/zone";
  static final String SUBZONE_LABEL = "topology.istio.io/subzone";

  private WorkloadInfo() {}

  /** A pod's locality: its {@code istio-locality} label, else its node's region/zone/subzone labels. */
  static String podLocality(GenericResource pod, Map<String, GenericResource> nodes) {
    String label = pod.metadata().labels().get(LOCALITY_LABEL);
    if (label != null && !label.isEmpty()) {
      return label.replace('.', '/');
    }
    String nodeName = Json.string(Json.map(pod.body(), "spec"), "nodeName").orElse("");
    GenericResource node = nodes.get(nodeName);
    if (node == null) {
      return "";
    }
    Map<String, String> l = node.metadata().labels();
    return locality(l.getOrDefault(REGION_LABEL, ""), l.getOrDefault(ZONE_LABEL, ""),
        l.getOrDefault(SUBZONE_LABEL, ""));
  }

  static String locality(String region, String zone, String subzone) {
    if (region.isEmpty() && zone.isEmpty() && subzone.isEmpty()) {
      return "";
    }
    return region + "/" + zone + "/" + subzone;
  }

  /** {@code labels} plus the topology labels Istio adds to every endpoint. */
  static Map<String, String> augment(Map<String, String> labels, String locality, String network, String cluster) {
    Map<String, String> out = new TreeMap<>(labels);
    if (!locality.isEmpty()) {
      String[] parts = locality.split("/", -1);
      putIfNotEmpty(out, REGION_LABEL, parts[0]);
      putIfNotEmpty(out, ZONE_LABEL, parts.length > 1 ? parts[1] : "");
      putIfNotEmpty(out, SUBZONE_LABEL, parts.length > 2 ? parts[2] : "");
    }
    putIfNotEmpty(out, NETWORK_LABEL, network);
    putIfNotEmpty(out, CLUSTER_LABEL, cluster);
    return out;
  }

  private static void putIfNotEmpty(Map<String, String> m, String k, String v) {
    if (!v.isEmpty()) {
      m.put(k, v);
    }
  }

  /** A pod's TLS mode: its {@code security.istio.io/tlsMode} label, else {@code disabled}. */
  static String podTlsMode(Map<String, String> labels) {
    return labels.getOrDefault(Endpoint.TLS_MODE_LABEL, "disabled");
  }

  /** A WorkloadEntry's TLS mode: its label, else {@code istio} when it names a service account, else {@code disabled}. */
  static String entryTlsMode(WorkloadEntrySpec spec) {
    String label = spec.labels().get(Endpoint.TLS_MODE_LABEL);
    if (label != null) {
      return label;
    }
    return spec.serviceAccount().filter(s -> !s.isEmpty()).isPresent() ? "istio" : "disabled";
  }

  static String podServiceAccount(GenericResource pod, RegistryOptions options) {
    String sa = Json.string(Json.map(pod.body(), "spec"), "serviceAccountName").orElse("default");
    return options.spiffeId(pod.namespace(), sa);
  }

  static String podIp(GenericResource pod) {
    return Json.string(Json.map(pod.body(), "status"), "podIP").orElse("");
  }

  static String entryServiceAccount(WorkloadEntrySpec spec, String namespace, RegistryOptions options) {
    return spec.serviceAccount().filter(s -> !s.isEmpty()).map(s -> options.spiffeId(namespace, s)).orElse("");
  }

  static Workload ofPod(GenericResource pod, RegistryOptions options) {
    return new Workload("Pod", pod.namespace(), pod.name(), pod.metadata().labels(), podIp(pod),
        podServiceAccount(pod, options));
  }

  static Workload ofEntry(WorkloadEntry entry, RegistryOptions options) {
    WorkloadEntrySpec spec = entry.spec();
    Map<String, String> labels = new TreeMap<>(entry.metadata().labels());
    labels.putAll(spec.labels());
    return new Workload("WorkloadEntry", entry.namespace(), entry.name(), labels, spec.address().orElse(""),
        entryServiceAccount(spec, entry.namespace(), options));
  }
}
