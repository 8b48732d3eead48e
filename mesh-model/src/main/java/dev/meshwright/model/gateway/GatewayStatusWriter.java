package dev.meshwright.model.gateway;

import dev.meshwright.api.networking.Server;
import dev.meshwright.api.validation.IpAddresses;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatusAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Writes a Gateway's conditions and addresses once its listeners are converted. Stateless. */
final class GatewayStatusWriter {
  private static final String ADDRESS_TYPE_OVERRIDE = "networking.istio.io/address-type";

  private GatewayStatusWriter() {}

  static void write(ConversionContext ctx, Gateway gw, GatewayClasses.ClassInfo info, List<String> services,
      List<Server> servers, ConfigError gwError, GatewayStatus status) {
    Set<Integer> ports = new LinkedHashSet<>();
    servers.forEach(s -> s.port().flatMap(p -> p.number()).ifPresent(ports::add));
    GatewayAddresses.Resolved r = GatewayAddresses.resolve(ctx.env().services(),
        Fabric8Meta.namespace(gw.getMetadata()), services, ports);
    Conditions conds = new Conditions()
        .put("Accepted", "Accepted", "Resource accepted")
        .put("Programmed", "Programmed", r.internal().isEmpty() ? "Resource programmed"
            : "Resource programmed, assigned to service(s) " + GatewayAddresses.humanReadableJoin(r.internal()));
    conds.fail("Accepted", gwError);
    if (services.isEmpty()) {
      conds.fail("Programmed", new ConfigError(ConfigError.UNSUPPORTED_ADDRESS, "Failed to assign to any requested addresses"));
    } else if (!r.warnings().isEmpty()) {
      String msg = r.internal().isEmpty()
          ? "Failed to assign to any requested addresses: " + String.join("; ", r.warnings())
          : "Assigned to service(s) " + GatewayAddresses.humanReadableJoin(r.internal())
              + ", but failed to assign to all requested addresses: " + String.join("; ", r.warnings());
      conds.fail("Programmed", new ConfigError(r.allUsable() ? "AddressNotAssigned" : "AddressNotUsable", msg));
    }
    List<String> report = new ArrayList<>(r.external());
    if (report.isEmpty()) {
      String want = Fabric8Meta.annotations(gw.getMetadata()).get(ADDRESS_TYPE_OVERRIDE);
      boolean ip = want == null ? info.ipAddressType() : want.equals("IPAddress");
      if (ip) {
        report.addAll(r.internalIps());
      } else {
        for (String hostPort : r.internal()) {
          String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
          if (!r.pending().contains(host) && !report.contains(host)) {
            report.add(host);
          }
        }
      }
    }
    if (!report.isEmpty()) {
      List<GatewayStatusAddress> addrs = new ArrayList<>();
      for (String a : report) {
        addrs.add(new GatewayStatusAddress(IpAddresses.isIp(a) ? "IPAddress" : "Hostname", a));
      }
      status.setAddresses(addrs);
    }
    status.setConditions(conds.build(Fabric8Meta.generation(gw.getMetadata()), ctx.env().clock()));
  }
}
