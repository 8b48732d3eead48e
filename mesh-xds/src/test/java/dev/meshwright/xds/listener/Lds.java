package dev.meshwright.xds.listener;

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
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResource;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Test helpers: snapshots from YAML, proxies from node IDs, and unpacking of the generated listeners. */
final class Lds {
  private Lds() {}

  static MeshSnapshot snapshot(String yaml, MeshConfig mesh, String domainSuffix) {
    RegistryOptions ro = new RegistryOptions(domainSuffix, "cluster.local", "Kubernetes");
    return MeshTranslator.create(ro).translate(ConfigView.of(MeshYaml.read("t.yaml", yaml).resources()), mesh);
  }

  static MeshSnapshot snapshot(String yaml) {
    return snapshot(yaml, MeshConfigs.defaults(), "cluster.local");
  }

  static MeshConfig mesh(String rootNamespace) {
    return MeshConfig.builder().from(MeshConfigs.defaults()).rootNamespace(rootNamespace).build();
  }

  static Proxy proxy(String nodeId, Map<String, Object> meta) {
    return NodeIds.parse(nodeId, meta).orThrow();
  }

  static ProxyContext ctx(MeshSnapshot s, Proxy p, String domainSuffix) {
    return ProxyContext.of(s, p, XdsOptions.defaults().withDomainSuffix(domainSuffix));
  }

  /** Every listener by name, generated with {@code gen}. */
  static Map<String, Listener> listeners(ListenerGenerator gen, ProxyContext ctx) {
    Map<String, Listener> out = new LinkedHashMap<>();
    for (XdsResource r : gen.generate(ctx, Set.of()).resources()) {
      out.put(r.name(), (Listener) r.message());
    }
    return out;
  }

  static Map<String, Listener> listeners(ProxyContext ctx) {
    return listeners(ListenerGenerator.create(), ctx);
  }

  static <T extends Message> T unpack(Any any, Class<T> type) {
    try {
      return any.unpack(type);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  static Optional<HttpConnectionManager> hcm(FilterChain fc) {
    for (Filter f : fc.getFiltersList()) {
      if (f.getName().equals(Listeners.HTTP_CONNECTION_MANAGER)) {
        return Optional.of(unpack(f.getTypedConfig(), HttpConnectionManager.class));
      }
    }
    return Optional.empty();
  }

  static Optional<TcpProxy> tcpProxy(FilterChain fc) {
    for (Filter f : fc.getFiltersList()) {
      if (f.getName().equals(Listeners.TCP_PROXY)) {
        return Optional.of(unpack(f.getTypedConfig(), TcpProxy.class));
      }
    }
    return Optional.empty();
  }

  static DownstreamTlsContext tls(FilterChain fc) {
    return unpack(fc.getTransportSocket().getTypedConfig(), DownstreamTlsContext.class);
  }

  static boolean hasHcm(Listener l) {
    return l.getFilterChainsList().stream().anyMatch(fc -> hcm(fc).isPresent())
        || (l.hasDefaultFilterChain() && hcm(l.getDefaultFilterChain()).isPresent());
  }
}
