package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.networking.ServiceEntrySpec.Resolution;
import dev.meshwright.api.networking.WorkloadEntryChecks.AddressRule;
import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.IpAddresses;
import dev.meshwright.api.validation.Protocol;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Istio's ServiceEntry rules: hosts, addresses, unique ports, endpoints checked per resolution mode,
 * selector/endpoint exclusivity, TCP ports shared by several hosts, and exportTo (where {@code ~} is
 * allowed).
 */
final class ServiceEntryValidator implements Validator<ServiceEntry> {
  @Override
  public void validate(ServiceEntry resource, Problems problems) {
    ServiceEntrySpec spec = resource.spec();
    Problems p = problems.at("spec");
    Resolution resolution = spec.resolution().orElse(Resolution.NONE);
    selector(spec, p);
    hosts(spec.hosts(), p);
    addresses(spec, resolution, p);
    Set<String> portNames = ports(spec, resolution, p);
    switch (resolution) {
      case NONE -> {
        if (!spec.endpoints().isEmpty()) {
          p.at("endpoints").error("no endpoints should be provided for resolution type none");
        }
        if (spec.workloadSelector().isPresent()) {
          p.at("workloadSelector").warning("workloadSelector should not be set when resolution mode is NONE");
        }
      }
      case STATIC -> {
        for (int i = 0; i < spec.endpoints().size(); i++) {
          WorkloadEntryChecks.workloadEntry(spec.endpoints().get(i), Optional.of(portNames), AddressRule.IP_ONLY,
              p.at("endpoints", i));
        }
      }
      case DNS, DNS_ROUND_ROBIN -> dns(spec, resolution, portNames, p);
    }
    multipleHostsOnTcp(spec, resolution, p);
    Checks.exportTo(spec.exportTo(), resource.namespace(), Checks.NoneExport.ALLOWED, p.at("exportTo"));
  }

  private static void selector(ServiceEntrySpec spec, Problems p) {
    spec.workloadSelector().ifPresent(s -> {
      Checks.workloadSelector(s.labels(), p.at("workloadSelector"));
      if (s.labels().isEmpty()) {
        p.at("workloadSelector").warning(
            "service entry: workload selector specified without labels, will be applied to all services in namespace");
      }
      if (!spec.endpoints().isEmpty()) {
        p.error("only one of WorkloadSelector or Endpoints is allowed in Service Entry");
      }
    });
  }

  private static void hosts(List<String> hosts, Problems p) {
    if (hosts.isEmpty()) {
      p.at("hosts").error("service entry must have at least one host");
    }
    for (int i = 0; i < hosts.size(); i++) {
      String host = hosts.get(i);
      Problems at = p.at("hosts", i);
      if (host.equals("*")) {
        at.error("invalid host " + host);
        continue;
      }
      Checks.wildcardDomain(host).ifPresent(at::error);
      if (host.contains("*") && !host.startsWith("*.")) {
        at.warning("partial wildcard " + Checks.quote(host) + " not allowed");
      }
    }
  }

  private static void addresses(ServiceEntrySpec spec, Resolution resolution, Problems p) {
    boolean cidr = false;
    for (int i = 0; i < spec.addresses().size(); i++) {
      String address = spec.addresses().get(i);
      cidr |= address.contains("/");
      IpAddresses.subnet(address).ifPresent(p.at("addresses", i)::error);
    }
    if (cidr && resolution != Resolution.NONE && resolution != Resolution.STATIC) {
      p.at("addresses").error("CIDR addresses are allowed only for NONE/STATIC resolution types");
    }
  }

  /** Checks every port and returns the set of port names. */
  private static Set<String> ports(ServiceEntrySpec spec, Resolution resolution, Problems p) {
    Set<String> names = new HashSet<>();
    Set<Integer> numbers = new HashSet<>();
    for (int i = 0; i < spec.ports().size(); i++) {
      ServicePort port = spec.ports().get(i);
      Problems at = p.at("ports", i);
      String name = port.name().orElse("");
      int number = port.number().orElse(0);
      if (!names.add(name)) {
        at.at("name").error("service entry port name " + Checks.quote(name) + " already defined");
      }
      if (!numbers.add(number)) {
        at.at("number").error("service entry port " + number + " already defined");
      }
      port.targetPort().filter(t -> t != 0).ifPresent(t -> Checks.port(t, at.at("targetPort")));
      String protocol = port.protocol().orElse("");
      if (spec.addresses().isEmpty() && (protocol.isEmpty() || protocol.equals("TCP"))) {
        at.warning("addresses are required for ports serving TCP (or unset) protocol");
      }
      GatewayRules.portName(name).ifPresent(at.at("name")::error);
      Protocol.check(protocol).ifPresent(at.at("protocol")::error);
      Checks.port(number, at.at("number"));
    }
    return names;
  }

  private static void dns(ServiceEntrySpec spec, Resolution resolution, Set<String> portNames, Problems p) {
    if (spec.endpoints().isEmpty()) {
      for (int i = 0; i < spec.hosts().size(); i++) {
        if (Checks.fqdn(spec.hosts().get(i)).isPresent()) {
          p.at("hosts", i).error("hosts must be FQDN if no endpoints are provided for resolution mode " + resolution);
        }
      }
    }
    if (resolution == Resolution.DNS_ROUND_ROBIN && spec.endpoints().size() > 1) {
      p.at("endpoints").error("there must only be 0 or 1 endpoint for resolution mode " + resolution);
    }
    for (int i = 0; i < spec.endpoints().size(); i++) {
      WorkloadEntrySpec endpoint = spec.endpoints().get(i);
      Problems at = p.at("endpoints", i);
      String address = endpoint.address().orElse("");
      if (!IpAddresses.isIp(address) && Checks.fqdn(address).isPresent()) {
        at.at("address").error("endpoint address " + Checks.quote(address) + " is not a valid FQDN or an IP address");
      }
      Checks.labels(endpoint.labels(), at.at("labels"));
      WorkloadEntryChecks.endpointPorts(endpoint.ports(), Optional.of(portNames), at.at("ports"));
    }
    if (spec.workloadSelector().isPresent()) {
      p.at("workloadSelector").warning("workloadSelector should not be set when resolution mode is " + resolution);
    }
    if (!spec.addresses().isEmpty() && spec.hosts().size() > 1
        && spec.ports().stream().anyMatch(port -> Protocol.parse(port.protocol().orElse("")).isTcp())) {
      p.warning("service entry can not have more than one host specified simultaneously with address and tcp port");
    }
  }

  /** Plain TCP cannot tell several hosts apart unless the proxy just forwards (resolution NONE). */
  private static void multipleHostsOnTcp(ServiceEntrySpec spec, Resolution resolution, Problems p) {
    if (resolution == Resolution.NONE || spec.hosts().size() <= 1) {
      return;
    }
    for (ServicePort port : spec.ports()) {
      Protocol protocol = Protocol.parse(port.protocol().orElse(""));
      if (!protocol.isHttp() && !protocol.isTls()) {
        p.error("multiple hosts provided with non-HTTP, non-TLS ports");
        return;
      }
    }
  }
}
