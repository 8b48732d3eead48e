package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Istio's destination-host lookup: every ServiceEntry host and every Kubernetes Service (as an FQDN),
 * keyed by the namespace scope it is exported to ({@code *} for all), so a VirtualService host can be
 * resolved from its namespace, exact names first, then wildcard ServiceEntry hosts. Immutable once built.
 */
final class ServiceLookup {
  /** What a host resolves to: its port numbers. */
  record Target(List<Long> ports) {}

  private final Map<String, Target> byScopedFqdn;

  private ServiceLookup(Map<String, Target> byScopedFqdn) {
    this.byScopedFqdn = byScopedFqdn;
  }

  private static String key(String scope, String namespace, String host) {
    return scope + "/" + Hosts.toFqdn(namespace, host);
  }

  static ServiceLookup of(AnalysisContext ctx) {
    Map<String, Target> map = new HashMap<>();
    for (AnalysisResource r : ctx.resources(Kinds.SERVICE_ENTRY)) {
      List<Long> ports = new ArrayList<>();
      for (JsonNode p : Json.list(r.spec(), "ports")) {
        ports.add(Json.number(p, "number"));
      }
      Target t = new Target(List.copyOf(ports));
      List<String> exportTo = Json.strings(r.spec(), "exportTo");
      String ns = r.namespace();
      boolean toAll = false;
      for (String h : Json.strings(r.spec(), "hosts")) {
        if (exportTo.isEmpty() || toAll) {
          map.put(key("*", ns, h), t);
          continue;
        }
        for (String e : exportTo) {
          switch (e) {
            case "*" -> {
              map.put(key("*", ns, h), t);
              toAll = true;
            }
            case "." -> map.put(key(ns, ns, h), t);
            default -> map.put(key(e, ns, h), t);
          }
          if (toAll) {
            break;
          }
        }
      }
    }
    for (AnalysisResource r : ctx.resources(Kinds.SERVICE)) {
      List<Long> ports = new ArrayList<>();
      for (JsonNode p : Json.list(r.spec(), "ports")) {
        ports.add(Json.number(p, "port"));
      }
      Target t = new Target(List.copyOf(ports));
      String anno = r.annotations().getOrDefault("networking.istio.io/exportTo", "");
      List<String> scopes = new ArrayList<>();
      if (anno.isEmpty()) {
        scopes.add("*");
      } else {
        for (String s : anno.split(",", -1)) {
          scopes.add(s.equals(".") ? r.namespace() : s);
        }
      }
      for (String scope : scopes) {
        map.put(key(scope, r.namespace(), r.name()), t);
      }
    }
    return new ServiceLookup(map);
  }

  /** The target {@code host} resolves to from {@code sourceNamespace} given the source's exportTo, or null. */
  Target find(String sourceNamespace, List<String> exportTo, String host) {
    Target t = byScopedFqdn.get(key("*", sourceNamespace, host));
    if (t != null) {
      return t;
    }
    if (exportTo.isEmpty()) {
      t = byScopedFqdn.get(key(sourceNamespace, sourceNamespace, host));
      if (t != null) {
        return t;
      }
    } else {
      for (String e : exportTo) {
        t = byScopedFqdn.get(key(e.equals(".") ? sourceNamespace : e, sourceNamespace, host));
        if (t != null) {
          return t;
        }
      }
    }
    String bare = host.startsWith("*") ? host.substring(1) : host;
    for (Map.Entry<String, Target> e : byScopedFqdn.entrySet()) {
      int slash = e.getKey().indexOf('/');
      String scope = e.getKey().substring(0, slash);
      String seHost = e.getKey().substring(slash + 1);
      if (!seHost.startsWith("*") || !scope.equals("*") && !scope.equals(sourceNamespace)) {
        continue;
      }
      if (bare.endsWith(seHost.substring(1))) {
        return e.getValue();
      }
    }
    return null;
  }
}
