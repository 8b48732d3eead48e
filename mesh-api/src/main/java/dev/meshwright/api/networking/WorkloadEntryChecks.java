package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.IpAddresses;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Endpoint rules shared by WorkloadEntry and ServiceEntry: the checks of one workload entry and of its
 * ports. Addresses are parsed by {@link IpAddresses}, socket paths and port names by {@link GatewayRules}.
 * Stateless.
 */
final class WorkloadEntryChecks {
  /** Whether an endpoint address may be a DNS name, or must be an IP (STATIC service entries). */
  enum AddressRule {
    IP_OR_FQDN,
    IP_ONLY
  }

  private WorkloadEntryChecks() {}

  /**
   * Istio's rules for one workload entry.
   *
   * @param servicePorts the port names of the enclosing ServiceEntry, or empty for a WorkloadEntry resource
   */
  static void workloadEntry(WorkloadEntrySpec we, Optional<Set<String>> servicePorts, AddressRule rule, Problems p) {
    String addr = we.address().orElse("");
    if (addr.isEmpty()) {
      String network = we.network().orElse("");
      if (network.isEmpty()) {
        p.at("address").error("address is required");
        return;
      }
      p.at("address").warning("address is unset with network " + Checks.quote(network));
    }
    boolean unix = addr.startsWith(GatewayRules.UNIX_PREFIX);
    if (unix) {
      GatewayRules.unixAddress(addr.substring(GatewayRules.UNIX_PREFIX.length())).ifPresent(p.at("address")::error);
      if (!we.ports().isEmpty()) {
        p.at("ports").error("unix endpoint " + addr + " must not include ports");
      }
    } else if (!addr.isEmpty() && !IpAddresses.isIp(addr)) {
      if (rule == AddressRule.IP_ONLY) {
        p.at("address").error("endpoint address " + Checks.quote(addr) + " is not a valid IP address");
      } else if (Checks.fqdn(addr).isPresent()) {
        p.at("address").error("endpoint address " + Checks.quote(addr) + " is not a valid FQDN or an IP address");
      }
    }
    Checks.labels(we.labels(), p.at("labels"));
    endpointPorts(we.ports(), servicePorts, p.at("ports"));
    if (unix && servicePorts.isPresent() && servicePorts.get().size() != 1) {
      p.error("exactly 1 service port required for unix endpoints");
    }
  }

  /** Endpoint port names must be DNS labels naming a service port (when known), numbers valid ports. */
  static void endpointPorts(Map<String, Integer> ports, Optional<Set<String>> servicePorts, Problems p) {
    new TreeMap<>(ports).forEach((name, port) -> {
      Problems at = p.key(name);
      if (servicePorts.isPresent() && !servicePorts.get().contains(name)) {
        at.error("endpoint port " + port + " is not defined by the service entry");
      }
      GatewayRules.portName(name).ifPresent(at::error);
      Checks.port(port, at);
    });
  }
}
