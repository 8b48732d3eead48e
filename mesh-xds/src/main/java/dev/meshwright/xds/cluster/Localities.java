package dev.meshwright.xds.cluster;

import dev.meshwright.xds.ProxyContext;
import io.envoyproxy.envoy.config.core.v3.Locality;

/**
 * Localities as Istio reads them: {@code region/zone/subzone} labels to Envoy {@link Locality}, the proxy's own
 * locality (its first service instance's, else its topology labels), and the matching rules of locality load
 * balancing. Pure.
 */
public final class Localities {
  private Localities() {}

  /** {@code region/zone/subzone} (any part may be missing) as an Envoy locality; empty input, empty locality. */
  public static Locality of(String label) {
    if (label.isEmpty()) {
      return Locality.getDefaultInstance();
    }
    String[] parts = label.split("/", -1);
    Locality.Builder b = Locality.newBuilder().setRegion(parts[0]);
    if (parts.length > 1) {
      b.setZone(parts[1]);
    }
    if (parts.length > 2) {
      b.setSubZone(parts[2]);
    }
    return b.build();
  }

  /** The proxy's locality: that of the endpoint it is for its first service, else its topology labels. */
  public static Locality ofProxy(ProxyContext ctx) {
    for (ProxyContext.ServiceInstance i : ctx.serviceInstances()) {
      if (!i.endpoint().locality().isEmpty()) {
        return of(i.endpoint().locality());
      }
    }
    String region = ctx.labels().getOrDefault("topology.kubernetes.io/region", "");
    String zone = ctx.labels().getOrDefault("topology.kubernetes.io/zone", "");
    String subzone = ctx.labels().getOrDefault("topology.istio.io/subzone", "");
    return Locality.newBuilder().setRegion(region).setZone(zone).setSubZone(subzone).build();
  }

  /** Whether {@code locality} matches a rule locality {@code region/zone/subzone}, where {@code *} is any. */
  static boolean matches(Locality locality, String rule) {
    String[] parts = rule.split("/", -1);
    String region = parts[0];
    String zone = parts.length > 1 ? parts[1] : "";
    String subzone = parts.length > 2 ? parts[2] : "";
    return (region.equals("*") || locality.getRegion().equals(region))
        && (zone.equals("*") || zone.isEmpty() || locality.getZone().equals(zone))
        && (subzone.equals("*") || subzone.isEmpty() || locality.getSubZone().equals(subzone));
  }

  /** 0 same subzone, 1 same zone, 2 same region, 3 elsewhere. */
  static int priority(Locality proxy, Locality endpoints) {
    if (!proxy.getRegion().equals(endpoints.getRegion())) {
      return 3;
    }
    if (!proxy.getZone().equals(endpoints.getZone())) {
      return 2;
    }
    return proxy.getSubZone().equals(endpoints.getSubZone()) ? 0 : 1;
  }
}
