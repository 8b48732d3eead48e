package dev.meshwright.xds.gateway;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigView;
import dev.meshwright.model.registry.RegistryOptions;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResource;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds gateway proxy contexts from YAML and unpacks what the gateway generators produce. */
final class GatewayFixtures {
  static final String SUFFIX = "corp.example";

  private GatewayFixtures() {}

  /** A ServiceEntry making the gateway pod at {@code ip} an endpoint of {@code host} on {@code port → target}. */
  static String gatewayService(String ns, String host, String ip, int port, int target, String labels) {
    return "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: gw-svc-" + port + ", namespace: "
        + ns + "}\nspec:\n  hosts: [" + host + "]\n  location: MESH_INTERNAL\n  resolution: STATIC\n"
        + "  ports: [{number: " + port + ", targetPort: " + target + ", name: http-" + port + ", protocol: HTTP}]\n"
        + "  endpoints: [{address: " + ip + ", labels: " + labels + "}]\n";
  }

  static MeshSnapshot snapshot(String yaml, MeshConfig mesh) {
    return MeshTranslator.create(new RegistryOptions(SUFFIX, SUFFIX, "Kubernetes"))
        .translate(ConfigView.of(MeshYaml.read("test.yaml", yaml).resources()), mesh);
  }

  static ProxyContext router(String yaml, String namespace, Map<String, String> labels) {
    return router(snapshot(yaml, MeshConfigs.defaults()), namespace, labels, Map.of());
  }

  static ProxyContext router(MeshSnapshot s, String namespace, Map<String, String> labels, Map<String, Object> meta) {
    Map<String, Object> m = new LinkedHashMap<>(meta);
    m.put("LABELS", labels);
    m.put("NAMESPACE", namespace);
    return ProxyContext.of(s, NodeIds.parse("router~10.9.0.7~ingress-abc." + namespace + "~" + namespace + ".svc."
        + SUFFIX, m).orThrow(), XdsOptions.defaults().withDomainSuffix(SUFFIX));
  }

  static Map<String, Listener> listeners(ProxyContext ctx) {
    return byName(new GatewayListenerGenerator().generate(ctx, Set.of()), Listener.class);
  }

  static Map<String, RouteConfiguration> routes(ProxyContext ctx, Set<String> names) {
    return byName(new GatewayRouteGenerator().generate(ctx, names), RouteConfiguration.class);
  }

  static <T extends Message> Map<String, T> byName(ResourceGenerator.Output out, Class<T> type) {
    Map<String, T> m = new LinkedHashMap<>();
    for (XdsResource r : out.resources()) {
      m.put(r.name(), type.cast(r.message()));
    }
    return m;
  }

  static <T extends Message> T unpack(Any any, Class<T> type) {
    try {
      return any.unpack(type);
    } catch (InvalidProtocolBufferException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpConnectionManager hcm(FilterChain fc) {
    Filter f = fc.getFiltersList().get(fc.getFiltersCount() - 1);
    return unpack(f.getTypedConfig(), HttpConnectionManager.class);
  }

  static TcpProxy tcpProxy(FilterChain fc) {
    Filter f = fc.getFiltersList().get(fc.getFiltersCount() - 1);
    return unpack(f.getTypedConfig(), TcpProxy.class);
  }

  static DownstreamTlsContext tls(FilterChain fc) {
    return unpack(fc.getTransportSocket().getTypedConfig(), DownstreamTlsContext.class);
  }

  static List<String> serverNames(FilterChain fc) {
    return fc.getFilterChainMatch().getServerNamesList();
  }
}
