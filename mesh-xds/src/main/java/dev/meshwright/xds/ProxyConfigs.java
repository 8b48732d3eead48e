package dev.meshwright.xds;

import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.mesh.ProxyConfig;
import dev.meshwright.api.json.MeshJackson;
import java.util.Map;

/**
 * The ProxyConfig a proxy runs with, as istiod reads it: the node's {@code PROXY_CONFIG} metadata (which the agent
 * fills with the mesh {@code defaultConfig} merged with ProxyConfig resources and the pod's
 * {@code proxy.istio.io/config} annotation) as a whole, else the mesh {@code defaultConfig}, else Istio's defaults.
 * Metadata that does not read as a ProxyConfig counts as absent. Pure.
 */
public final class ProxyConfigs {
  private ProxyConfigs() {}

  /** The effective ProxyConfig of {@code proxy} in {@code mesh}. */
  public static ProxyConfig effective(Proxy proxy, MeshConfig mesh) {
    Object raw = proxy.metadata().get("PROXY_CONFIG");
    if (raw instanceof Map<?, ?> m) {
      try {
        return MeshJackson.json().convertValue(m, ProxyConfig.class);
      } catch (IllegalArgumentException e) {
        // as istiod, which fails to parse the node's metadata field and keeps the mesh default
      }
    }
    return mesh.defaultConfig().orElse(MeshConfigs.defaultProxyConfig());
  }
}
