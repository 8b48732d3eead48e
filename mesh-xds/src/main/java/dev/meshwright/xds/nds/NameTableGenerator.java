package dev.meshwright.xds.nds;

import dev.meshwright.model.registry.Endpoint;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ProxyType;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.XdsResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * NDS as istiod 1.22 builds it ({@code pkg/dns/server/name_table.go}): for sidecars only, one nameless
 * {@code NameTable} with an entry per service of the proxy's sidecar scope. A service with a virtual IP maps to that
 * IP (services whose address is not an IP, e.g. a CIDR, are left out); a service without one maps, when it is
 * passthrough (headless), to the IPs of its endpoints on its first port in the proxy's network, and is left out when
 * there are none. Kubernetes services carry their short name and namespace (the agent expands {@code a.ns} etc.),
 * except {@code *.clusterset.local} hosts. When two services share a host, a Kubernetes service replaces a
 * ServiceEntry, and ServiceEntries merge their IPs. Routers and gRPC proxies get nothing.
 *
 * <p>Not modelled: per-pod names of headless StatefulSet pods ({@code <hostname>.<subdomain>...}) and the
 * multi-cluster headless filter. The table is shared through the snapshot's cache by sidecars of one scope and
 * network. Stateless and thread-safe.
 */
public final class NameTableGenerator implements ResourceGenerator {
  private static final String CLUSTERSET = ".clusterset.local";
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  @Override
  public String typeUrl() {
    return NameTables.TYPE_URL;
  }

  /**
   * Everything the table reads besides the snapshot: the Sidecar scope (its Sidecar and the proxy's namespace) and
   * the proxy's network. Sidecars that agree on it share the table through the snapshot's cache.
   */
  private record Key(java.util.Optional<dev.meshwright.api.networking.Sidecar> sidecar, String namespace,
      String network) {}

  @Override
  public Output generate(ProxyContext ctx, Set<String> names) {
    if (ctx.proxy().type() != ProxyType.SIDECAR) {
      return Output.of(List.of());
    }
    String network = ctx.proxy().meta("NETWORK").orElse("");
    return ctx.cache().get(new Key(ctx.scope().sidecar(), ctx.proxy().namespace(), network),
        () -> table(ctx, network));
  }

  private static Output table(ProxyContext ctx, String network) {
    Map<String, NameTables.NameInfo> table = new TreeMap<>();
    for (MeshService svc : ctx.scope().services()) {
      List<String> ips = addresses(ctx, svc, network);
      if (ips.isEmpty()) {
        continue;
      }
      boolean kube = svc.origin() == MeshService.Origin.KUBERNETES;
      boolean named = kube && !svc.hostname().endsWith(CLUSTERSET);
      NameTables.NameInfo mine = new NameTables.NameInfo(ips, kube ? "Kubernetes" : "External",
          named ? svc.name() : "", named ? svc.namespace() : "");
      NameTables.NameInfo old = table.get(svc.hostname());
      if (old == null) {
        table.put(svc.hostname(), mine);
      } else if (!old.registry().equals("Kubernetes")) {
        if (kube) {
          table.put(svc.hostname(), mine);
        } else {
          List<String> merged = new ArrayList<>(old.ips());
          merged.addAll(ips);
          table.put(svc.hostname(), new NameTables.NameInfo(merged, old.registry(), old.shortname(), old.namespace()));
        }
      }
    }
    return Output.of(List.of(XdsResource.of("", NameTables.message(table))));
  }

  private static List<String> addresses(ProxyContext ctx, MeshService svc, String network) {
    String vip = svc.addresses().isEmpty() ? MeshService.UNSPECIFIED_IP : svc.addresses().get(0);
    if (!vip.equals(MeshService.UNSPECIFIED_IP) && !vip.isEmpty()) {
      return NodeIds.isIp(vip) ? List.of(vip) : List.of();
    }
    List<String> out = new ArrayList<>();
    if (svc.resolution() != MeshService.Resolution.PASSTHROUGH || svc.ports().isEmpty()) {
      return out;
    }
    String firstPort = svc.ports().get(0).name();
    for (Endpoint e : ctx.snapshot().registry().endpoints(svc.hostname())) {
      boolean onPort = e.ports().isEmpty() || e.ports().containsKey(firstPort);
      boolean sameNetwork = network.isEmpty() || e.network().isEmpty() || e.network().equals(network);
      if (onPort && sameNetwork && NodeIds.isIp(e.address())) {
        out.add(e.address());
      }
    }
    return out;
  }

  /** A literal IPv4 or IPv6 address (no host names, no CIDRs); never resolves anything. */

}
