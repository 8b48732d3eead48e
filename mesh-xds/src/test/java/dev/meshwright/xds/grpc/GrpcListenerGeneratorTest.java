package dev.meshwright.xds.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigView;
import dev.meshwright.model.registry.RegistryOptions;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResource;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GrpcListenerGeneratorTest {
  static final String SUFFIX = "corp.example";

  /** echo in "apps" (VIP 10.40.0.2, ports 7070 and 7443) served by the proxyless client 10.40.1.9 itself. */
  static final String MESH = """
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: echo, namespace: apps}
      spec:
        hosts: [echo.apps.svc.corp.example]
        addresses: [10.40.0.2]
        location: MESH_INTERNAL
        resolution: STATIC
        ports:
        - {number: 7070, name: grpc, protocol: GRPC}
        - {number: 7443, name: grpc-secure, protocol: GRPC, targetPort: 17443}
        endpoints: [{address: 10.40.1.9, labels: {app: echo}}]
      """;

  static ProxyContext ctx(String yaml, Map<String, Object> labels) {
    MeshConfig mesh = MeshConfig.builder().from(MeshConfigs.defaults()).rootNamespace("mesh-root").build();
    MeshSnapshot s = MeshTranslator.create(new RegistryOptions(SUFFIX, "cluster.local", "Kubernetes"))
        .translate(ConfigView.of(MeshYaml.read("t.yaml", yaml).resources()), mesh);
    return ProxyContext.of(s, NodeIds.parse("sidecar~10.40.1.9~echo-0.apps~apps.svc." + SUFFIX,
        Map.of("GENERATOR", "grpc", "LABELS", labels)).orThrow(), XdsOptions.defaults().withDomainSuffix(SUFFIX));
  }

  static Map<String, Listener> generate(ProxyContext ctx, String... names) {
    Map<String, Listener> out = new LinkedHashMap<>();
    for (XdsResource r : GrpcListenerGenerator.create().generate(ctx, Set.of(names)).resources()) {
      out.put(r.name(), (Listener) r.message());
    }
    return out;
  }

  static HttpConnectionManager apiHcm(Listener l) throws InvalidProtocolBufferException {
    return l.getApiListener().getApiListener().unpack(HttpConnectionManager.class);
  }

  @Test
  @DisplayName("outbound names are answered as asked (short and FQDN spellings of one host share their ports, as in istiod), as api_listeners: fault, router, RDS outbound|port||host")
  void outbound() throws InvalidProtocolBufferException {
    Map<String, Listener> ls = generate(ctx(MESH, Map.of()), "echo:7070", "echo.apps.svc." + SUFFIX + ":7443",
        "missing.apps:80");
    assertThat(generate(ctx(MESH, Map.of()), "echo:7070").keySet()).containsExactly("echo:7070");
    assertThat(ls.keySet()).containsExactlyInAnyOrder("echo:7070", "echo:7443", "echo.apps.svc." + SUFFIX + ":7070",
        "echo.apps.svc." + SUFFIX + ":7443");
    Listener l = ls.get("echo:7070");
    assertThat(l.getAddress().getSocketAddress().getAddress()).isEqualTo("10.40.0.2");
    assertThat(l.getAddress().getSocketAddress().getPortValue()).isEqualTo(7070);
    HttpConnectionManager hcm = apiHcm(l);
    assertThat(hcm.getHttpFiltersList()).extracting(HttpFilter::getName)
        .containsExactly("envoy.filters.http.fault", "envoy.filters.http.router");
    assertThat(hcm.getRds().getRouteConfigName()).isEqualTo("outbound|7070||echo.apps.svc." + SUFFIX);
    assertThat(hcm.getRds().getConfigSource().hasAds()).isTrue();
  }

  @Test
  @DisplayName("a name without port gets a listener per service port; name.namespace expands to the FQDN")
  void allPorts() {
    assertThat(generate(ctx(MESH, Map.of()), "echo.apps").keySet()).containsExactly("echo.apps:7070", "echo.apps:7443");
  }

  @Test
  @DisplayName("inbound: PERMISSIVE (no policy) is plaintext; with tlsMode=istio it is mTLS via certificate provider 'default'")
  void inbound() throws InvalidProtocolBufferException {
    String name = "xds.istio.io/grpc/lds/inbound/0.0.0.0:17443";
    Listener plain = generate(ctx(MESH, Map.of()), name).get(name);
    assertThat(plain.getFilterChainsList()).singleElement().satisfies(fc -> {
      assertThat(fc.getName()).isEqualTo("inbound-plaintext");
      assertThat(fc.hasTransportSocket()).isFalse();
    });
    assertThat(plain.getListenerFiltersList()).isEmpty();
    Listener mtls = generate(ctx(MESH, Map.of("security.istio.io/tlsMode", "istio")), name).get(name);
    assertThat(mtls.getFilterChains(0).getName()).isEqualTo("inbound-mtls");
    DownstreamTlsContext tls = mtls.getFilterChains(0).getTransportSocket().getTypedConfig()
        .unpack(DownstreamTlsContext.class);
    assertThat(tls.getRequireClientCertificate().getValue()).isTrue();
    assertThat(rootCertificateName(tls)).isEqualTo("ROOTCA");
  }

  @SuppressWarnings("deprecation") // the certificate-provider fields gRPC reads
  private static String rootCertificateName(DownstreamTlsContext tls) {
    return tls.getCommonTlsContext().getCombinedValidationContext().getValidationContextCertificateProviderInstance()
        .getCertificateName();
  }

  @Test
  @DisplayName("inbound: STRICT gives the mTLS chain, DISABLE the plaintext one; ports the workload does not serve are absent")
  void inboundModes() {
    String strict = MESH + "\n---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\n"
        + "metadata: {name: all, namespace: mesh-root}\nspec: {mtls: {mode: STRICT}, }\n";
    String name = "xds.istio.io/grpc/lds/inbound/10.40.1.9:7070";
    assertThat(generate(ctx(strict, Map.of()), name).get(name).getFilterChains(0).getName()).isEqualTo("inbound-mtls");
    assertThat(generate(ctx(strict, Map.of()), "xds.istio.io/grpc/lds/inbound/10.40.1.9:9999")).isEmpty();
    String disable = strict.replace("STRICT", "DISABLE");
    assertThat(generate(ctx(disable, Map.of("security.istio.io/tlsMode", "istio")), name).get(name)
        .getFilterChains(0).getName()).isEqualTo("inbound-plaintext");
  }

  @Test
  @DisplayName("no virtualOutbound or virtualInbound for proxyless clients, even on a wildcard request")
  void noVirtualListeners() {
    assertThat(generate(ctx(MESH, Map.of())).keySet()).doesNotContain("virtualOutbound", "virtualInbound")
        .containsExactlyInAnyOrder("echo.apps.svc." + SUFFIX + ":7070", "echo.apps.svc." + SUFFIX + ":7443");
  }
}
