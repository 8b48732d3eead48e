package dev.meshwright.model.registry;

import dev.meshwright.api.GenericResource;
import dev.meshwright.api.networking.ServiceEntry;
import dev.meshwright.api.networking.ServiceEntrySpec;
import dev.meshwright.api.networking.WorkloadEntry;
import dev.meshwright.api.networking.WorkloadEntrySpec;
import dev.meshwright.api.networking.WorkloadSelector;
import dev.meshwright.model.config.ConfigView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ServiceEntries and WorkloadEntries → mesh services and endpoints, with Istio's semantics: one service per
 * host; resolution {@code NONE} is passthrough, {@code STATIC} balances over the listed or selected endpoints,
 * {@code DNS} resolves the endpoints' addresses (or, with none, the host itself); a {@code workloadSelector}
 * picks WorkloadEntries and Pods of the entry's namespace.
 */
final class ServiceEntries {
  private final ConfigView view;
  private final RegistryOptions options;
  private final Accumulator out;

  ServiceEntries(ConfigView view, RegistryOptions options, Accumulator out) {
    this.view = view;
    this.options = options;
    this.out = out;
  }

  /** WorkloadEntries by namespace, each also recorded as a workload. */
  Map<String, List<WorkloadEntry>> workloadEntries() {
    Map<String, List<WorkloadEntry>> byNs = new TreeMap<>();
    for (WorkloadEntry we : view.list(WorkloadEntry.KIND)) {
      byNs.computeIfAbsent(we.namespace(), n -> new ArrayList<>()).add(we);
      out.workloads.add(WorkloadInfo.ofEntry(we, options));
    }
    return byNs;
  }

  void convert(Map<String, List<WorkloadEntry>> entriesByNamespace, Map<String, List<GenericResource>> podsByNs) {
    for (ServiceEntry se : view.list(ServiceEntry.KIND)) {
      ServiceEntrySpec spec = se.spec();
      List<ServicePort> ports = new ArrayList<>();
      spec.ports().forEach(p -> ports.add(new ServicePort(p.name().orElse(""), p.number().orElse(0),
          p.targetPort().orElse(0), PortProtocols.ofIstioPort(p.protocol()))));
      MeshService.Resolution resolution = switch (spec.resolution().orElse(ServiceEntrySpec.Resolution.NONE)) {
        case NONE -> MeshService.Resolution.PASSTHROUGH;
        case STATIC -> MeshService.Resolution.CLIENT_SIDE_LB;
        case DNS -> MeshService.Resolution.DNS;
        case DNS_ROUND_ROBIN -> MeshService.Resolution.DNS_ROUND_ROBIN;
      };
      MeshService.Location location = spec.location().orElse(ServiceEntrySpec.Location.MESH_EXTERNAL)
          == ServiceEntrySpec.Location.MESH_INTERNAL ? MeshService.Location.MESH_INTERNAL
          : MeshService.Location.MESH_EXTERNAL;
      Map<String, String> selector = spec.workloadSelector().map(WorkloadSelector::labels).orElse(Map.of());
      List<String> addresses = spec.addresses().isEmpty() ? List.of(MeshService.UNSPECIFIED_IP) : spec.addresses();
      for (String host : spec.hosts()) {
        MeshService s = new MeshService(host, se.namespace(), se.name(), MeshService.Origin.SERVICE_ENTRY,
            addresses, ports, resolution, location, new java.util.TreeSet<>(spec.exportTo()), selector,
            se.metadata().labels(), "");
        out.services.add(s);
        endpoints(s, spec, entriesByNamespace.getOrDefault(se.namespace(), List.of()),
            podsByNs.getOrDefault(se.namespace(), List.of()));
      }
    }
  }

  private void endpoints(MeshService s, ServiceEntrySpec spec, List<WorkloadEntry> entries,
      List<GenericResource> pods) {
    int before = out.endpoints.getOrDefault(s.hostname(), List.of()).size();
    for (WorkloadEntrySpec e : spec.endpoints()) {
      if (e.address().isPresent()) {
        out.endpoint(entryEndpoint(s, e, e.labels(), s.namespace(), "", options));
      }
    }
    if (spec.workloadSelector().isPresent()) {
      for (WorkloadEntry we : entries) {
        Map<String, String> labels = new TreeMap<>(we.metadata().labels());
        labels.putAll(we.spec().labels());
        if (Labels.matches(s.selector(), labels) && we.spec().address().isPresent()) {
          out.endpoint(entryEndpoint(s, we.spec(), labels, we.namespace(),
              "WorkloadEntry " + we.namespace() + "/" + we.name(), options));
        }
      }
      for (GenericResource pod : pods) {
        String ip = WorkloadInfo.podIp(pod);
        if (!ip.isEmpty() && Labels.matches(s.selector(), pod.metadata().labels())) {
          Map<String, Integer> ports = new LinkedHashMap<>();
          s.ports().forEach(p -> ports.put(p.name(), p.targetPort() > 0 ? p.targetPort() : p.port()));
          Map<String, String> labels = pod.metadata().labels();
          out.endpoint(new Endpoint(s.hostname(), s.namespace(), ip, ports,
              WorkloadInfo.augment(labels, "", "", options.clusterId()), "",
              WorkloadInfo.podServiceAccount(pod, options), WorkloadInfo.podTlsMode(labels), "",
              Endpoint.Health.HEALTHY, 1, "Pod " + pod.namespace() + "/" + pod.name()));
        }
      }
    }
    boolean none = out.endpoints.getOrDefault(s.hostname(), List.of()).size() == before;
    boolean dns = s.resolution() == MeshService.Resolution.DNS || s.resolution() == MeshService.Resolution.DNS_ROUND_ROBIN;
    if (none && dns && spec.workloadSelector().isEmpty() && !s.hostname().startsWith("*")) {
      Map<String, Integer> ports = new LinkedHashMap<>();
      s.ports().forEach(p -> ports.put(p.name(), p.targetPort() > 0 ? p.targetPort() : p.port()));
      out.endpoint(new Endpoint(s.hostname(), s.namespace(), s.hostname(), ports, Map.of(), "", "", "disabled", "",
          Endpoint.Health.HEALTHY, 1, ""));
    }
  }

  /** An endpoint for a WorkloadEntry (inline or standalone) serving {@code s}. */
  static Endpoint entryEndpoint(MeshService s, WorkloadEntrySpec e, Map<String, String> labels, String namespace,
      String workload, RegistryOptions options) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (ServicePort p : s.ports()) {
      Integer named = e.ports().get(p.name());
      ports.put(p.name(), named != null ? named : p.targetPort() > 0 ? p.targetPort() : p.port());
    }
    String locality = e.locality().orElse("");
    String network = e.network().orElse("");
    return new Endpoint(s.hostname(), s.namespace(), e.address().orElse(""), ports,
        WorkloadInfo.augment(labels, locality, network, options.clusterId()), locality,
        WorkloadInfo.entryServiceAccount(e, namespace, options), WorkloadInfo.entryTlsMode(e), network,
        Endpoint.Health.HEALTHY, e.weight().filter(w -> w > 0).orElse(1), workload);
  }
}
