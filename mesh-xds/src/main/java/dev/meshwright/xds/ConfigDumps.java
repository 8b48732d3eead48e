package dev.meshwright.xds;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.admin.v3.ClustersConfigDump;
import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.envoyproxy.envoy.admin.v3.EndpointsConfigDump;
import io.envoyproxy.envoy.admin.v3.ListenersConfigDump;
import io.envoyproxy.envoy.admin.v3.RoutesConfigDump;
import io.envoyproxy.envoy.admin.v3.SecretsConfigDump;
import java.io.UncheckedIOException;
import java.util.Collection;

/**
 * Generated resources as Envoy's admin {@code /config_dump} shows them ({@code envoy.admin.v3.ConfigDump}: one
 * {@code ClustersConfigDump}, {@code EndpointsConfigDump}, {@code ListenersConfigDump}, {@code RoutesConfigDump}
 * and {@code SecretsConfigDump} with the dynamic resources and their versions), so tools written for Envoy
 * dumps read ours. Used by {@code meshctl x translate}, {@code proxy-config} and {@code /debug/config_dump}. Pure.
 */
public final class ConfigDumps {
  private ConfigDumps() {}

  /** The config dump of {@code resources}, limited to {@code types} (type URLs; in push order). */
  public static ConfigDump of(XdsResources resources, Collection<String> types) {
    ConfigDump.Builder dump = ConfigDump.newBuilder();
    for (String type : TypeUrls.PUSH_ORDER) {
      if (!types.contains(type)) {
        continue;
      }
      Collection<XdsResource> rs = resources.of(type).values();
      switch (type) {
        case TypeUrls.CLUSTER -> {
          ClustersConfigDump.Builder b = ClustersConfigDump.newBuilder();
          rs.forEach(r -> b.addDynamicActiveClusters(ClustersConfigDump.DynamicCluster.newBuilder()
              .setVersionInfo(r.version()).setCluster(r.any())));
          dump.addConfigs(Any.pack(b.build()));
        }
        case TypeUrls.ENDPOINT -> {
          EndpointsConfigDump.Builder b = EndpointsConfigDump.newBuilder();
          rs.forEach(r -> b.addDynamicEndpointConfigs(EndpointsConfigDump.DynamicEndpointConfig.newBuilder()
              .setVersionInfo(r.version()).setEndpointConfig(r.any())));
          dump.addConfigs(Any.pack(b.build()));
        }
        case TypeUrls.LISTENER -> {
          ListenersConfigDump.Builder b = ListenersConfigDump.newBuilder();
          rs.forEach(r -> b.addDynamicListeners(ListenersConfigDump.DynamicListener.newBuilder().setName(r.name())
              .setActiveState(ListenersConfigDump.DynamicListenerState.newBuilder().setVersionInfo(r.version())
                  .setListener(r.any()))));
          dump.addConfigs(Any.pack(b.build()));
        }
        case TypeUrls.ROUTE -> {
          RoutesConfigDump.Builder b = RoutesConfigDump.newBuilder();
          rs.forEach(r -> b.addDynamicRouteConfigs(RoutesConfigDump.DynamicRouteConfig.newBuilder()
              .setVersionInfo(r.version()).setRouteConfig(r.any())));
          dump.addConfigs(Any.pack(b.build()));
        }
        default -> {
          SecretsConfigDump.Builder b = SecretsConfigDump.newBuilder();
          rs.forEach(r -> b.addDynamicActiveSecrets(SecretsConfigDump.DynamicSecret.newBuilder().setName(r.name())
              .setVersionInfo(r.version()).setSecret(r.any())));
          dump.addConfigs(Any.pack(b.build()));
        }
      }
    }
    return dump.build();
  }

  /** {@code dump} as proto3 JSON with {@code @type}, every Any expanded. */
  public static String json(ConfigDump dump) {
    try {
      return EnvoyTypes.get().print(dump);
    } catch (InvalidProtocolBufferException e) {
      throw new UncheckedIOException(new java.io.IOException("a generated type is missing from EnvoyTypes: " + e.getMessage(), e));
    }
  }
}
