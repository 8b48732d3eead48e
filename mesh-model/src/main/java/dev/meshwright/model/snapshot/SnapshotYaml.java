package dev.meshwright.model.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.model.registry.Endpoint;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.ServicePort;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link MeshSnapshot} as one YAML document: version, root namespace, mesh config, services with
 * their endpoints, VirtualServices by gateway and host, merged DestinationRules by scope, Gateways and EnvoyFilters
 * (when any), the Sidecar and
 * policies of each workload, and the diagnostics. Output is deterministic (sorted at every level). Stateless.
 */
public final class SnapshotYaml {
  private SnapshotYaml() {}

  /** The snapshot as YAML. */
  public static String write(MeshSnapshot s) {
    try {
      return MeshJackson.yaml().writeValueAsString(tree(s));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The snapshot as a tree of maps and lists (what {@link #write} prints). */
  public static Map<String, Object> tree(MeshSnapshot s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", s.version());
    out.put("rootNamespace", s.rootNamespace());
    JsonNode mesh = MeshJackson.json().valueToTree(s.meshConfig());
    out.put("meshConfig", MeshJackson.json().convertValue(mesh, Map.class));
    List<Object> services = new ArrayList<>();
    for (MeshService svc : s.registry().services()) {
      services.add(service(svc, s.registry().endpoints(svc.hostname()).stream()
          .filter(e -> e.serviceNamespace().equals(svc.namespace())).toList()));
    }
    out.put("services", services);
    out.put("virtualServices", s.virtualServices().describe());
    out.put("destinationRules", s.destinationRules().describe());
    putIfNotEmpty(out, "gateways", s.gateways().all().stream().map(Ordering::ref).toList());
    putIfNotEmpty(out, "envoyFilters", s.envoyFilters().all().stream().map(Ordering::ref).sorted().toList());
    List<Object> workloads = new ArrayList<>();
    for (WorkloadPolicies w : s.workloads()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("workload", w.workload());
      w.sidecar().ifPresent(sc -> m.put("sidecar", sc));
      putIfNotEmpty(m, "peerAuthentications", w.peerAuthentications());
      putIfNotEmpty(m, "requestAuthentications", w.requestAuthentications());
      putIfNotEmpty(m, "authorizationPolicies", w.authorizationPolicies());
      workloads.add(m);
    }
    out.put("workloads", workloads);
    out.put("diagnostics", s.diagnostics().stream().map(d -> d.format()).toList());
    return out;
  }

  private static Map<String, Object> service(MeshService svc, List<Endpoint> endpoints) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("hostname", svc.hostname());
    m.put("namespace", svc.namespace());
    m.put("name", svc.name());
    m.put("origin", svc.origin().name());
    m.put("addresses", svc.addresses());
    List<Object> ports = new ArrayList<>();
    for (ServicePort p : svc.ports()) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("name", p.name());
      pm.put("port", p.port());
      if (p.targetPort() > 0) {
        pm.put("targetPort", p.targetPort());
      }
      pm.put("protocol", p.autoDetect() ? "auto" : p.protocol().name());
      ports.add(pm);
    }
    m.put("ports", ports);
    m.put("resolution", svc.resolution().name());
    m.put("location", svc.location().name());
    putIfNotEmpty(m, "exportTo", svc.exportTo().stream().sorted().toList());
    if (!svc.selector().isEmpty()) {
      m.put("selector", new TreeMap<>(svc.selector()));
    }
    if (!svc.externalName().isEmpty()) {
      m.put("externalName", svc.externalName());
    }
    List<Object> eps = new ArrayList<>();
    for (Endpoint e : endpoints) {
      Map<String, Object> em = new LinkedHashMap<>();
      em.put("address", e.address());
      em.put("ports", new TreeMap<>(e.ports()));
      if (!e.labels().isEmpty()) {
        em.put("labels", new TreeMap<>(e.labels()));
      }
      putIfNotEmpty(em, "locality", e.locality());
      putIfNotEmpty(em, "serviceAccount", e.serviceAccount());
      em.put("tlsMode", e.tlsMode());
      putIfNotEmpty(em, "network", e.network());
      em.put("health", e.health().name());
      if (e.weight() != 1) {
        em.put("weight", e.weight());
      }
      putIfNotEmpty(em, "workload", e.workload());
      eps.add(em);
    }
    putIfNotEmpty(m, "endpoints", eps);
    return m;
  }

  private static void putIfNotEmpty(Map<String, Object> m, String key, String value) {
    if (!value.isEmpty()) {
      m.put(key, value);
    }
  }

  private static void putIfNotEmpty(Map<String, Object> m, String key, List<?> value) {
    if (!value.isEmpty()) {
      m.put(key, value);
    }
  }
}
