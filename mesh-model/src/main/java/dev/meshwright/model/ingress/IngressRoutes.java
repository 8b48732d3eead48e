package dev.meshwright.model.ingress;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.GenericResource;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.StringMatch;
import dev.meshwright.model.ingress.IngressConversion.HostDraft;
import dev.meshwright.model.ingress.IngressConversion.ServicePorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The VirtualService half of {@link IngressConversion}: rules and paths of one Ingress into per-host drafts. */
final class IngressRoutes {
  private IngressRoutes() {}

  static void addVirtualServices(GenericResource ingress, String domainSuffix, ServicePorts services,
      Map<String, HostDraft> byHost, List<Diagnostic> diags) {
    int ruleIndex = 0;
    for (Map<?, ?> rule : maps(spec(ingress).get("rules"))) {
      String path = "spec.rules[" + ruleIndex++ + "]";
      String host = string(rule.get("host"));
      if (!(rule.get("http") instanceof Map<?, ?> http)) {
        diags.add(IngressConversion.info(ingress, path, "no paths defined for host '" + host + "'"));
        continue;
      }
      String namePrefix = host.replace('.', '-');
      String vsHost = host.isEmpty() ? "*" : host;
      List<HTTPRoute> routes = new ArrayList<>();
      int pathIndex = 0;
      for (Map<?, ?> p : maps(http.get("paths"))) {
        String where = path + ".http.paths[" + pathIndex++ + "]";
        Optional<StringMatch> uri = match(string(p.get("path")), string(p.get("pathType")));
        Optional<HTTPRoute> route = backendRoute(ingress, p.get("backend"), domainSuffix, services, uri);
        if (route.isEmpty()) {
          diags.add(IngressConversion.info(ingress, where, "no usable service backend; the path is ignored"));
          continue;
        }
        routes.add(route.get());
      }
      byHost.computeIfAbsent(vsHost, h -> new HostDraft(
          namePrefix + "-" + ingress.name() + "-" + IngressConversion.GENERATED_NAME, ingress.namespace(), h,
          IngressConversion.gatewayRef(ingress))).addAll(routes);
    }
    if (spec(ingress).get("defaultBackend") != null) {
      diags.add(IngressConversion.info(ingress, "spec.defaultBackend",
          "a default backend is not converted; use a VirtualService"));
    }
  }

  /** The URI match of a path: by {@code pathType}, else Istio's legacy wildcard rule; empty means match all. */
  static Optional<StringMatch> match(String path, String pathType) {
    return switch (pathType) {
      case "Exact" -> Optional.of(StringMatch.exact(path));
      case "Prefix" -> Optional.of(StringMatch.prefix(path));
      default -> legacy(path);
    };
  }

  private static Optional<StringMatch> legacy(String path) {
    if (path.isEmpty() || path.equals("*") || path.equals("/*") || path.equals(".*")) {
      return Optional.empty();
    }
    if (path.endsWith(".*") || path.endsWith("/*")) {
      return Optional.of(StringMatch.prefix(path.substring(0, path.length() - 2)));
    }
    return Optional.of(StringMatch.exact(path));
  }

  private static Optional<HTTPRoute> backendRoute(GenericResource ingress, Object backend, String domainSuffix,
      ServicePorts services, Optional<StringMatch> uri) {
    if (!(backend instanceof Map<?, ?> b) || !(b.get("service") instanceof Map<?, ?> svc)) {
      return Optional.empty();
    }
    String name = string(svc.get("name"));
    Map<?, ?> port = svc.get("port") instanceof Map<?, ?> m ? m : Map.of();
    int number = port.get("number") instanceof Number n ? n.intValue() : 0;
    if (number <= 0) {
      OptionalInt resolved = services.port(ingress.namespace(), name, string(port.get("name")));
      if (resolved.isEmpty()) {
        return Optional.empty();
      }
      number = resolved.getAsInt();
    }
    String host = name + "." + ingress.namespace() + ".svc." + domainSuffix;
    return Optional.of(IngressConversion.route(uri, host, number));
  }

  static Map<?, ?> spec(GenericResource ingress) {
    return ingress.body().get("spec") instanceof Map<?, ?> m ? m : Map.of();
  }

  static List<Map<?, ?>> maps(Object list) {
    List<Map<?, ?>> out = new ArrayList<>();
    if (list instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Map<?, ?> m) {
          out.add(m);
        }
      }
    }
    return out;
  }

  static String string(Object o) {
    return o == null ? "" : String.valueOf(o);
  }
}
