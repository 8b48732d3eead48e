package dev.meshwright.model.gateway;

import dev.meshwright.model.gateway.ServiceLookup.PortInfo;
import dev.meshwright.model.gateway.ServiceLookup.ServiceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves the Services behind a Gateway on the ports its listeners use: which are reachable, their
 * addresses, and the warnings Istio reports in the Gateway's {@code Programmed} condition. Stateless.
 */
final class GatewayAddresses {
  private GatewayAddresses() {}

  /**
   * What resolving found; every list is sorted.
   *
   * @param internal {@code hostname:port} pairs with endpoints
   * @param internalIps cluster addresses of those services
   * @param external load balancer addresses
   * @param pending hostnames whose load balancer address is pending
   * @param warnings problems, sorted
   * @param allUsable false when a hostname or port is missing altogether
   */
  record Resolved(List<String> internal, List<String> internalIps, List<String> external, List<String> pending,
      List<String> warnings, boolean allUsable) {}

  static Resolved resolve(ServiceLookup lookup, String namespace, List<String> services, Set<Integer> ports) {
    Set<String> internal = new TreeSet<>();
    Set<String> internalIps = new TreeSet<>();
    Set<String> external = new TreeSet<>();
    Set<String> pending = new TreeSet<>();
    List<String> warnings = new ArrayList<>();
    boolean unusable = false;
    for (String g : services) {
      ServiceInfo svc = lookup.find(g, namespace);
      if (svc == null) {
        Set<String> others = new TreeSet<>();
        lookup.byHostname(g).forEach(s -> others.add("\"" + s.namespace() + "\""));
        if (!others.isEmpty()) {
          warnings.add(String.format("hostname \"%s\" not found in namespace \"%s\", but it was found in namespace(s) %s",
              g, namespace, String.join(", ", others)));
        } else {
          warnings.add(String.format("hostname \"%s\" not found", g));
        }
        unusable = true;
        continue;
      }
      for (int port : ports) {
        PortInfo p = svc.ports().stream().filter(x -> x.port() == port).findFirst().orElse(null);
        if (p != null && !p.endpointPorts().isEmpty()) {
          internal.add(g + ":" + port);
          internalIps.addAll(svc.addresses());
          if (!svc.externalAddresses().isEmpty()) {
            external.addAll(svc.externalAddresses());
          } else if (svc.type() == ServiceLookup.ServiceType.LOAD_BALANCER && pending.add(g)) {
            warnings.add(String.format("address pending for hostname \"%s\"", g));
          }
          continue;
        }
        boolean anyEndpoints = svc.ports().stream().anyMatch(x -> !x.endpointPorts().isEmpty());
        if (!anyEndpoints) {
          warnings.add(String.format("no instances found for hostname \"%s\"", g));
          continue;
        }
        Set<String> hint = new TreeSet<>();
        for (PortInfo sp : svc.ports()) {
          if (sp.endpointPorts().contains(port)) {
            hint.add(String.valueOf(sp.port()));
          }
        }
        if (!hint.isEmpty()) {
          warnings.add(String.format("port %d not found for hostname \"%s\" (hint: the service port should be specified, "
              + "not the workload port. Did you mean one of these ports: [%s]?)", port, g, String.join(" ", hint)));
        } else {
          warnings.add(String.format("port %d not found for hostname \"%s\"", port, g));
        }
        unusable = true;
      }
    }
    warnings.sort(null);
    return new Resolved(List.copyOf(internal), List.copyOf(internalIps), List.copyOf(external),
        List.copyOf(pending), warnings, !unusable);
  }

  /** Joins {@code a}, {@code a and b}, {@code a, b, and c}. */
  static String humanReadableJoin(List<String> ss) {
    return switch (ss.size()) {
      case 0 -> "";
      case 1 -> ss.get(0);
      case 2 -> ss.get(0) + " and " + ss.get(1);
      default -> String.join(", ", ss.subList(0, ss.size() - 1)) + ", and " + ss.get(ss.size() - 1);
    };
  }
}
