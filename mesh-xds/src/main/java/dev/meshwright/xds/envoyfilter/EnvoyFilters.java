package dev.meshwright.xds.envoyfilter;

import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourcePatches;

/**
 * istiod 1.22.8's EnvoyFilter patches as an {@link dev.meshwright.xds.XdsGenerator} step
 * ({@code generator.withPatches(EnvoyFilters.patches())}; {@code Istiod.generator} does this): each proxy gets the
 * patches of the EnvoyFilters its snapshot selects for it ({@code ProxyPatches}), applied by
 * {@code EnvoyFilterPatcher}. A snapshot without EnvoyFilters, or a proxy none selects, costs one check and gets
 * its resources unchanged. Stateless and thread-safe.
 */
public final class EnvoyFilters implements ResourcePatches {
  private static final EnvoyFilters INSTANCE = new EnvoyFilters();

  private EnvoyFilters() {}

  /** The EnvoyFilter step. */
  public static ResourcePatches patches() {
    return INSTANCE;
  }

  @Override
  public Patcher forProxy(ProxyContext ctx) {
    return ProxyPatches.of(ctx);
  }
}
