package dev.meshwright.xds.gateway;

import com.google.protobuf.Duration;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;

/**
 * The SDS references of gateway TLS contexts: workload certificates ({@code default}, {@code ROOTCA}, file
 * certificates) from the agent's {@code sds-grpc} cluster, {@code credentialName} secrets from istiod over ADS
 * (without an initial fetch timeout, so a missing Secret never blocks the listener). Stateless.
 */
final class SdsConfigs {
  static final String DEFAULT = "default";
  static final String ROOTCA = "ROOTCA";
  static final String SDS_CLUSTER = "sds-grpc";

  private SdsConfigs() {}

  /** A secret served by the agent: {@code default} and {@code ROOTCA} with {@code initialFetchTimeout: 0s}. */
  static SdsSecretConfig agent(String name) {
    ConfigSource.Builder source = ConfigSource.newBuilder()
        .setApiConfigSource(ApiConfigSource.newBuilder()
            .setApiType(ApiConfigSource.ApiType.GRPC)
            .setSetNodeOnFirstMessageOnly(true)
            .setTransportApiVersion(ApiVersion.V3)
            .addGrpcServices(GrpcService.newBuilder()
                .setEnvoyGrpc(GrpcService.EnvoyGrpc.newBuilder().setClusterName(SDS_CLUSTER))))
        .setResourceApiVersion(ApiVersion.V3);
    if (name.equals(DEFAULT) || name.equals(ROOTCA)) {
      source.setInitialFetchTimeout(Duration.getDefaultInstance());
    }
    return SdsSecretConfig.newBuilder().setName(name).setSdsConfig(source).build();
  }

  /** A {@code credentialName} secret: {@code builtin://} is the workload's own, anything else comes over ADS. */
  static SdsSecretConfig credential(String credentialName) {
    if (credentialName.equals(CredentialNames.BUILTIN)) {
      return agent(DEFAULT);
    }
    if (credentialName.equals(CredentialNames.BUILTIN + CredentialNames.CA_SUFFIX)) {
      return agent(ROOTCA);
    }
    return SdsSecretConfig.newBuilder().setName(CredentialNames.toResourceName(credentialName))
        .setSdsConfig(ConfigSource.newBuilder().setAds(AggregatedConfigSource.getDefaultInstance())
            .setResourceApiVersion(ApiVersion.V3))
        .build();
  }
}
