package dev.meshwright.xds.istiod;

import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ProxyType;
import dev.meshwright.xds.ResourceGenerator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One resource type whose generator depends on the kind of proxy: sidecars and gateways (routers) get different
 * listeners, routes and secrets. A proxy type with no generator here gets nothing of this type. Immutable.
 */
final class ByProxyType implements ResourceGenerator {
  private final String typeUrl;
  private final Map<ProxyType, ResourceGenerator> byType;

  ByProxyType(String typeUrl, Map<ProxyType, ResourceGenerator> byType) {
    this.typeUrl = typeUrl;
    this.byType = Map.copyOf(byType);
  }

  @Override
  public String typeUrl() {
    return typeUrl;
  }

  @Override
  public Output generate(ProxyContext ctx, Set<String> names) {
    ResourceGenerator g = byType.get(ctx.proxy().type());
    return g == null ? new Output(List.of(), List.of()) : g.generate(ctx, names);
  }
}
