package dev.meshwright.xds.server;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import io.envoyproxy.envoy.admin.v3.ClustersConfigDump;
import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.envoyproxy.envoy.admin.v3.EndpointsConfigDump;
import io.envoyproxy.envoy.admin.v3.ListenersConfigDump;
import io.envoyproxy.envoy.admin.v3.RoutesConfigDump;
import io.envoyproxy.envoy.admin.v3.SecretsConfigDump;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Envoy's admin {@code config_dump} built from what a stream holds: dynamic clusters, endpoints, listeners,
 * route configurations and secrets, each with its version. Private keys are replaced by {@code [redacted]}, as
 * Envoy does. Pure and stateless.
 */
final class ConfigDumps {
  private ConfigDumps() {}

  private static final ByteString REDACTED = ByteString.copyFrom("[redacted]", StandardCharsets.UTF_8);

  static ConfigDump of(Map<String, Map<String, XdsResource>> held) {
    ClustersConfigDump.Builder clusters = ClustersConfigDump.newBuilder();
    held.getOrDefault(TypeUrls.CLUSTER, Map.of()).values().forEach(r -> clusters.addDynamicActiveClusters(
        ClustersConfigDump.DynamicCluster.newBuilder().setVersionInfo(r.version()).setCluster(r.any())));
    EndpointsConfigDump.Builder endpoints = EndpointsConfigDump.newBuilder();
    held.getOrDefault(TypeUrls.ENDPOINT, Map.of()).values().forEach(r -> endpoints.addDynamicEndpointConfigs(
        EndpointsConfigDump.DynamicEndpointConfig.newBuilder().setVersionInfo(r.version())
            .setEndpointConfig(r.any())));
    ListenersConfigDump.Builder listeners = ListenersConfigDump.newBuilder();
    held.getOrDefault(TypeUrls.LISTENER, Map.of()).values().forEach(r -> listeners.addDynamicListeners(
        ListenersConfigDump.DynamicListener.newBuilder().setName(r.name()).setActiveState(
            ListenersConfigDump.DynamicListenerState.newBuilder().setVersionInfo(r.version())
                .setListener(r.any()))));
    RoutesConfigDump.Builder routes = RoutesConfigDump.newBuilder();
    held.getOrDefault(TypeUrls.ROUTE, Map.of()).values().forEach(r -> routes.addDynamicRouteConfigs(
        RoutesConfigDump.DynamicRouteConfig.newBuilder().setVersionInfo(r.version()).setRouteConfig(r.any())));
    SecretsConfigDump.Builder secrets = SecretsConfigDump.newBuilder();
    held.getOrDefault(TypeUrls.SECRET, Map.of()).values().forEach(r -> secrets.addDynamicActiveSecrets(
        SecretsConfigDump.DynamicSecret.newBuilder().setName(r.name()).setVersionInfo(r.version())
            .setSecret(Any.pack(redact(r)))));
    return ConfigDump.newBuilder().addConfigs(Any.pack(clusters.build())).addConfigs(Any.pack(endpoints.build()))
        .addConfigs(Any.pack(listeners.build())).addConfigs(Any.pack(routes.build()))
        .addConfigs(Any.pack(secrets.build())).build();
  }

  private static Secret redact(XdsResource r) {
    if (!(r.message() instanceof Secret s) || !s.hasTlsCertificate() || !s.getTlsCertificate().hasPrivateKey()) {
      return r.message() instanceof Secret s2 ? s2 : Secret.getDefaultInstance();
    }
    Secret.Builder b = s.toBuilder();
    b.getTlsCertificateBuilder().setPrivateKey(DataSource.newBuilder().setInlineBytes(REDACTED));
    return b.build();
  }
}
