package dev.meshwright.model.registry;

import dev.meshwright.api.GenericResource;
import dev.meshwright.api.Severity;
import dev.meshwright.api.networking.WorkloadEntry;
import dev.meshwright.api.networking.WorkloadEntrySpec;
import dev.meshwright.model.config.ConfigKey.KindId;
import dev.meshwright.model.config.ConfigView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kubernetes Services, EndpointSlices, Pods and Nodes → mesh services and endpoints, as Istio's Kubernetes
 * registry converts them. A slice whose Service is missing, or whose Pod is missing, is used as far as it
 * goes; nothing here throws on bad input.
 */
final class KubeServices {
  static final KindId SERVICE = KindId.core("Service");
  static final KindId POD = KindId.core("Pod");
  static final KindId NODE = KindId.core("Node");
  static final KindId ENDPOINT_SLICE = new KindId("discovery.k8s.io", "EndpointSlice");
  static final KindId ENDPOINTS = KindId.core("Endpoints");
  static final String EXPORT_TO_ANNOTATION = "networking.istio.io/exportTo";
  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
  static final String PERSISTENT_SESSION_LABEL = "istio.io/persistent-session";

  private final ConfigView view;
  private final RegistryOptions options;
  private final Accumulator out;
  private final Map<String, GenericResource> pods = new HashMap<>();
  private final Map<String, GenericResource> nodes = new HashMap<>();
  private final ConversionMemo previous;
  private final ConversionMemo next;

  /**
   * Converts with {@code previous}'s results reused for objects that did not change, recording this build's
   * results in {@code next}.
   */
  KubeServices(ConfigView view, RegistryOptions options, Accumulator out, ConversionMemo previous,
      ConversionMemo next) {
    this.view = view;
    this.options = options;
    this.out = out;
    this.previous = previous;
    this.next = next;
    for (GenericResource p : view.generic(POD)) {
      pods.put(p.namespace() + "/" + p.name(), p);
      Workload w = previous.pods.get(p);
      if (w == null) {
        w = WorkloadInfo.ofPod(p, options);
      }
      next.pods.put(p, w);
      out.workloads.add(w);
    }
    for (GenericResource n : view.generic(NODE)) {
      nodes.put(n.name(), n);
    }
  }

  void convert(Map<String, List<WorkloadEntry>> entriesByNamespace) {
    Map<String, MeshService> byKey = new HashMap<>();
    for (GenericResource svc : view.generic(SERVICE)) {
      MeshService s = previous.services.get(svc);
      if (s == null) {
        int problems = out.diagnostics.size();
        s = service(svc);
        if (out.diagnostics.size() == problems) {
          next.services.put(svc, s);
        }
      } else {
        next.services.put(svc, s);
      }
      out.services.add(s);
      byKey.put(svc.namespace() + "/" + svc.name(), s);
      selectEntries(s, entriesByNamespace.getOrDefault(s.namespace(), List.of()));
    }
    java.util.Set<String> sliced = new java.util.HashSet<>();
    for (GenericResource slice : view.generic(ENDPOINT_SLICE)) {
      String svcName = slice.metadata().labels().get(SERVICE_NAME_LABEL);
      MeshService s = svcName == null ? null : byKey.get(slice.namespace() + "/" + svcName);
      if (s == null) {
        continue;
      }
      sliced.add(slice.namespace() + "/" + svcName);
      slice(s, slice);
    }
    for (GenericResource endpoints : view.generic(ENDPOINTS)) {
      String key = endpoints.namespace() + "/" + endpoints.name();
      MeshService s = byKey.get(key);
      if (s != null && !sliced.contains(key)) {
        legacyEndpoints(s, endpoints);
      }
    }
  }

  /**
   * A v1 Endpoints object, used only for a Service without EndpointSlices (config written by hand for
   * {@code meshctl serve}); ready addresses are healthy, {@code notReadyAddresses} unhealthy.
   */
  private void legacyEndpoints(MeshService s, GenericResource endpoints) {
    for (Object subset : Json.list(endpoints.body(), "subsets")) {
      Map<String, Integer> ports = new LinkedHashMap<>();
      for (Object p : Json.list(subset, "ports")) {
        String name = Json.string(p, "name").orElse("");
        Optional<Integer> number = Json.integer(p, "port");
        if (number.isPresent() && s.port(name).isPresent()) {
          ports.put(name, number.get());
        }
      }
      for (String field : List.of("addresses", "notReadyAddresses")) {
        Endpoint.Health health = field.equals("addresses") ? Endpoint.Health.HEALTHY : Endpoint.Health.UNHEALTHY;
        for (Object a : Json.list(subset, field)) {
          Optional<String> ip = Json.string(a, "ip");
          if (ip.isEmpty()) {
            continue;
          }
          Map<String, Object> ref = Json.map(a, "targetRef");
          GenericResource pod = "Pod".equals(Json.string(ref, "kind").orElse(""))
              ? pods.get(Json.string(ref, "namespace").orElse(endpoints.namespace()) + "/"
                  + Json.string(ref, "name").orElse(""))
              : null;
          out.endpoint(podEndpoint(s, ip.get(), ports, pod, "", health, nodes));
        }
      }
    }
  }

  MeshService service(GenericResource svc) {
    Map<String, Object> spec = Json.map(svc.body(), "spec");
    String type = Json.string(spec, "type").orElse("ClusterIP");
    String clusterIp = Json.string(spec, "clusterIP").orElse("");
    String externalName = Json.string(spec, "externalName").orElse("");
    MeshService.Resolution resolution = MeshService.Resolution.CLIENT_SIDE_LB;
    if (type.equals("ExternalName") && !externalName.isEmpty()) {
      resolution = MeshService.Resolution.ALIAS;
    } else {
      externalName = "";
    }
    List<String> addresses = List.of(MeshService.UNSPECIFIED_IP);
    if (clusterIp.equals("None")) {
      resolution = MeshService.Resolution.PASSTHROUGH;
    } else if (!clusterIp.isEmpty()) {
      List<String> ips = Json.list(spec, "clusterIPs").stream().map(String::valueOf).toList();
      addresses = ips.size() > 1 ? ips : List.of(clusterIp);
    }
    List<ServicePort> ports = new ArrayList<>();
    List<Object> rawPorts = Json.list(spec, "ports");
    for (int i = 0; i < rawPorts.size(); i++) {
      Object p = rawPorts.get(i);
      Optional<Integer> number = Json.integer(p, "port");
      if (number.isEmpty()) {
        out.problem(Severity.WARNING, svc, "spec.ports[" + i + "].port", "port number is missing; port ignored");
        continue;
      }
      String name = Json.string(p, "name").orElse("");
      int target = Json.integer(p, "targetPort").orElse(0);
      ports.add(new ServicePort(name, number.get(), target, PortProtocols.ofKubernetesPort(number.get(), name,
          Json.string(p, "protocol").orElse("TCP"), Json.string(p, "appProtocol"))));
    }
    Set<String> exportTo = new TreeSet<>();
    String annotation = svc.metadata().annotations().get(EXPORT_TO_ANNOTATION);
    if (annotation != null && !annotation.isBlank()) {
      Arrays.stream(annotation.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(exportTo::add);
    }
    return new MeshService(options.serviceHostname(svc.name(), svc.namespace()), svc.namespace(), svc.name(),
        MeshService.Origin.KUBERNETES, addresses, ports, resolution,
        externalName.isEmpty() ? MeshService.Location.MESH_INTERNAL : MeshService.Location.MESH_EXTERNAL,
        exportTo, Json.strings(spec, "selector"), svc.metadata().labels(), externalName);
  }

  private void slice(MeshService s, GenericResource slice) {
    ConversionMemo.Slice memo = previous.slices.get(slice);
    if (memo != null && memo.stillValid(s, pods, nodes)) {
      next.slices.put(slice, memo);
      memo.endpoints().forEach(out::endpoint);
      return;
    }
    ConversionMemo.Reads reads = new ConversionMemo.Reads();
    List<Endpoint> endpoints = new ArrayList<>();
    convertSlice(s, slice, reads, endpoints);
    next.slices.put(slice, new ConversionMemo.Slice(s, List.copyOf(endpoints), reads));
    endpoints.forEach(out::endpoint);
  }

  private void convertSlice(MeshService s, GenericResource slice, ConversionMemo.Reads reads, List<Endpoint> sink) {
    if ("FQDN".equals(Json.string(slice.body(), "addressType").orElse(""))) {
      return;
    }
    Map<String, GenericResource> nodesRead = reads.nodes(nodes);
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (Object p : Json.list(slice.body(), "ports")) {
      String name = Json.string(p, "name").orElse("");
      Optional<Integer> number = Json.integer(p, "port");
      if (number.isPresent() && s.port(name).isPresent()) {
        ports.put(name, number.get());
      }
    }
    for (Object e : Json.list(slice.body(), "endpoints")) {
      Map<String, Object> conditions = Json.map(e, "conditions");
      Map<String, Object> ref = Json.map(e, "targetRef");
      GenericResource pod = "Pod".equals(Json.string(ref, "kind").orElse(""))
          ? reads.pod(pods, Json.string(ref, "namespace").orElse(slice.namespace()) + "/"
              + Json.string(ref, "name").orElse(""))
          : null;
      Endpoint.Health health = health(s, conditions);
      for (Object address : Json.list(e, "addresses")) {
        sink.add(podEndpoint(s, String.valueOf(address), ports, pod, Json.string(e, "zone").orElse(""), health,
            nodesRead));
      }
    }
  }

  private static Endpoint.Health health(MeshService s, Map<String, Object> conditions) {
    Optional<Boolean> ready = Json.bool(conditions, "ready");
    if (ready.isEmpty() || ready.get()) {
      return Endpoint.Health.HEALTHY;
    }
    boolean sticky = !s.labels().getOrDefault(PERSISTENT_SESSION_LABEL, "").isEmpty();
    if (sticky && Json.bool(conditions, "serving").orElse(true) && Json.bool(conditions, "terminating").orElse(true)) {
      return Endpoint.Health.DRAINING;
    }
    return Endpoint.Health.UNHEALTHY;
  }

  private Endpoint podEndpoint(MeshService s, String address, Map<String, Integer> ports, GenericResource pod,
      String zone, Endpoint.Health health, Map<String, GenericResource> nodes) {
    if (pod == null) {
      String locality = zone.isEmpty() ? "" : WorkloadInfo.locality("", zone, "");
      return new Endpoint(s.hostname(), s.namespace(), address, ports,
          WorkloadInfo.augment(Map.of(), locality, "", options.clusterId()), locality, "", "disabled", "", health, 1, "");
    }
    Map<String, String> labels = pod.metadata().labels();
    String locality = WorkloadInfo.podLocality(pod, nodes);
    String network = labels.getOrDefault(WorkloadInfo.NETWORK_LABEL, "");
    return new Endpoint(s.hostname(), s.namespace(), address, ports,
        WorkloadInfo.augment(labels, locality, network, options.clusterId()), locality,
        WorkloadInfo.podServiceAccount(pod, options), WorkloadInfo.podTlsMode(labels), network, health, 1,
        "Pod " + pod.namespace() + "/" + pod.name());
  }

  /** A Kubernetes Service with a selector also selects WorkloadEntries of its namespace. */
  private void selectEntries(MeshService s, List<WorkloadEntry> entries) {
    if (s.selector().isEmpty()) {
      return;
    }
    for (WorkloadEntry we : entries) {
      WorkloadEntrySpec spec = we.spec();
      Map<String, String> labels = new java.util.TreeMap<>(we.metadata().labels());
      labels.putAll(spec.labels());
      if (!Labels.matches(s.selector(), labels) || spec.address().isEmpty()) {
        continue;
      }
      out.endpoint(ServiceEntries.entryEndpoint(s, spec, labels, we.namespace(), "WorkloadEntry "
          + we.namespace() + "/" + we.name(), options));
    }
  }
}
