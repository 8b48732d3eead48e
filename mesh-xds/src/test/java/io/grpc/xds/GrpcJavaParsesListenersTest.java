package io.grpc.xds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigView;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.grpc.GrpcListenerGenerator;
import io.grpc.InsecureChannelCredentials;
import io.grpc.xds.client.Bootstrapper;
import io.grpc.xds.client.EnvoyProtoData;
import io.grpc.xds.client.XdsResourceType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * grpc-java's own LDS parser ({@code XdsListenerResource}, the code a proxyless client runs on every LDS response)
 * accepts what {@link GrpcListenerGenerator} produces. Lives in grpc-xds's package to reach the package-private
 * parser; the Envoy protos are re-read into grpc-xds's shaded copies.
 */
class GrpcJavaParsesListenersTest {
  static final String MESH = """
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: echo, namespace: apps}
      spec:
        hosts: [echo.apps.svc.cluster.local]
        addresses: [10.40.0.2]
        location: MESH_INTERNAL
        resolution: STATIC
        ports: [{number: 7070, name: grpc, protocol: GRPC}]
        endpoints: [{address: 10.40.1.9}]
      """;

  private static XdsListenerResource.LdsUpdate parse(XdsResource r) throws Exception {
    io.grpc.xds.shaded.io.envoyproxy.envoy.config.listener.v3.Listener shaded =
        io.grpc.xds.shaded.io.envoyproxy.envoy.config.listener.v3.Listener.parseFrom(r.message().toByteString());
    Bootstrapper.ServerInfo server = Bootstrapper.ServerInfo.create("istiod:15010", InsecureChannelCredentials.create());
    Bootstrapper.BootstrapInfo bootstrap = Bootstrapper.BootstrapInfo.builder().servers(List.of(server))
        .node(EnvoyProtoData.Node.newBuilder().build())
        .certProviders(Map.of("default", Bootstrapper.CertificateProviderInfo.create("file_watcher", Map.of())))
        .serverListenerResourceNameTemplate("xds.istio.io/grpc/lds/inbound/%s")
        .build();
    XdsResourceType.Args args = new XdsResourceType.Args(server, "1", "nonce", bootstrap,
        new io.grpc.xds.internal.security.TlsContextManagerImpl(bootstrap), Set.of(r.name()));
    return XdsListenerResource.getInstance().doParse(args, shaded);
  }

  private static List<XdsResource> generate(Map<String, Object> labels, String... names) {
    MeshConfig mesh = MeshConfigs.defaults();
    MeshSnapshot s = MeshTranslator.create().translate(ConfigView.of(MeshYaml.read("t", MESH).resources()), mesh);
    ProxyContext ctx = ProxyContext.of(s, NodeIds.parse("sidecar~10.40.1.9~echo-0.apps~apps.svc.cluster.local",
        Map.of("GENERATOR", "grpc", "LABELS", labels)).orThrow(), XdsOptions.defaults());
    return GrpcListenerGenerator.create().generate(ctx, Set.of(names)).resources();
  }

  @Test
  @DisplayName("grpc-java parses the outbound api_listener: RDS name outbound|7070||host, fault and router filters")
  void clientListener() throws Exception {
    XdsListenerResource.LdsUpdate u = parse(generate(Map.of(), "echo:7070").get(0));
    assertThat(u.httpConnectionManager().rdsName()).isEqualTo("outbound|7070||echo.apps.svc.cluster.local");
    assertThat(u.httpConnectionManager().httpFilterConfigs()).extracting(f -> f.name)
        .containsExactly("envoy.filters.http.fault", "envoy.filters.http.router");
  }

  @Test
  @DisplayName("grpc-java parses the inbound server listeners, plaintext and mTLS through certificate provider 'default'")
  void serverListener() throws Exception {
    String name = "xds.istio.io/grpc/lds/inbound/0.0.0.0:7070";
    XdsListenerResource.LdsUpdate plain = parse(generate(Map.of(), name).get(0));
    assertThat(plain.listener().filterChains()).hasSize(1);
    XdsListenerResource.LdsUpdate mtls = parse(generate(Map.of("security.istio.io/tlsMode", "istio"), name).get(0));
    assertThat(mtls.listener().filterChains().get(0).sslContextProviderSupplier()).isNotNull();
    assertThat(mtls.listener().address()).isEqualTo("0.0.0.0:7070");
  }
}
