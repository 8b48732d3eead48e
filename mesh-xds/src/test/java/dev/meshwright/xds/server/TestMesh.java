package dev.meshwright.xds.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.config.TextSources;
import dev.meshwright.model.registry.Endpoint;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsGenerator;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResource;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.listener.v3.ApiListener;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Test fixtures for the server: snapshots built from ServiceEntry YAML, and small hand-written generators that
 * turn each service port the proxy's Sidecar scope imports into an EDS cluster {@code outbound|port||host}, its ClusterLoadAssignment, an
 * api_listener {@code host:port} (proxyless style) whose HCM loads RDS {@code outbound|port||host}, and that
 * route configuration with one virtual host routing to the cluster.
 */
final class TestMesh {
  private TestMesh() {}

  /** A ServiceEntry document: STATIC resolution, one HTTP port, the given endpoint addresses. */
  static String serviceEntry(String name, String namespace, String host, int port, String... addresses) {
    StringBuilder sb = new StringBuilder();
    sb.append("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ").append(name)
        .append("\n  namespace: ").append(namespace).append("\nspec:\n  hosts: [").append(host)
        .append("]\n  location: MESH_INTERNAL\n  resolution: STATIC\n  ports:\n  - number: ").append(port)
        .append("\n    name: grpc\n    protocol: GRPC\n  endpoints:\n");
    for (String a : addresses) {
      sb.append("  - address: ").append(a).append('\n');
    }
    return sb.toString();
  }

  /** A snapshot of these YAML documents. */
  static MeshSnapshot snapshot(String... documents) {
    return snapshot(MeshConfigs.defaults(), documents);
  }

  /** A snapshot of these YAML documents under {@code mesh}. */
  static MeshSnapshot snapshot(dev.meshwright.api.mesh.MeshConfig mesh, String... documents) {
    ConfigStore store = ConfigStore.builder().build();
    TextSources.Applied applied = TextSources.apply(store, "test.yaml", String.join("\n---\n", documents),
        MeshYaml.standard());
    assertThat(applied.diagnostics()).isEmpty();
    return MeshTranslator.create().translate(store.view(), mesh);
  }

  static String cluster(int port, String host) {
    return "outbound|" + port + "||" + host;
  }

  /** The test generators behind an {@link XdsGenerator} (Envoy and gRPC proxies get the same). */
  static ConfigSource source() {
    List<ResourceGenerator> gens = List.of(new Clusters(), new Endpoints(), new Listeners(), new Routes());
    return ConfigSource.of(XdsGenerator.of(XdsOptions.defaults(), gens, gens, x -> x));
  }

  private record Key(MeshService service, ServicePort port) {
    String cluster() {
      return TestMesh.cluster(port.port(), service.hostname());
    }
  }

  /** The service ports the proxy's Sidecar scope imports. */
  private static List<Key> keys(ProxyContext ctx) {
    List<Key> out = new ArrayList<>();
    for (MeshService s : ctx.scope().services()) {
      s.ports().forEach(p -> out.add(new Key(s, p)));
    }
    return out;
  }

  private static Predicate<String> wanted(Set<String> names) {
    return n -> names.isEmpty() || names.contains(n);
  }

  private static final io.envoyproxy.envoy.config.core.v3.ConfigSource ADS =
      io.envoyproxy.envoy.config.core.v3.ConfigSource.newBuilder().setAds(AggregatedConfigSource.getDefaultInstance())
      .build();

  /** CDS: one EDS cluster per service port. */
  static final class Clusters implements ResourceGenerator {
    @Override
    public String typeUrl() {
      return TypeUrls.CLUSTER;
    }

    @Override
    public Output generate(ProxyContext ctx, Set<String> names) {
      List<XdsResource> out = new ArrayList<>();
      for (Key k : keys(ctx)) {
        if (wanted(names).test(k.cluster())) {
          out.add(XdsResource.of(k.cluster(), Cluster.newBuilder().setName(k.cluster())
              .setType(Cluster.DiscoveryType.EDS)
              .setEdsClusterConfig(Cluster.EdsClusterConfig.newBuilder().setServiceName(k.cluster())
                  .setEdsConfig(ADS))
              .build()));
        }
      }
      return Output.of(out);
    }
  }

  /** EDS: the service's endpoints on the port's target port. */
  static final class Endpoints implements ResourceGenerator {
    @Override
    public String typeUrl() {
      return TypeUrls.ENDPOINT;
    }

    @Override
    public Output generate(ProxyContext ctx, Set<String> names) {
      List<XdsResource> out = new ArrayList<>();
      for (Key k : keys(ctx)) {
        if (!wanted(names).test(k.cluster())) {
          continue;
        }
        LocalityLbEndpoints.Builder group = LocalityLbEndpoints.newBuilder()
            .setLoadBalancingWeight(com.google.protobuf.UInt32Value.of(1)); // gRPC ignores weightless localities
        for (Endpoint e : ctx.snapshot().registry().endpoints(k.service.hostname())) {
          int port = e.ports().getOrDefault(k.port.name(), k.port.targetPort());
          group.addLbEndpoints(LbEndpoint.newBuilder().setEndpoint(
              io.envoyproxy.envoy.config.endpoint.v3.Endpoint.newBuilder().setAddress(Address.newBuilder()
                  .setSocketAddress(SocketAddress.newBuilder().setAddress(e.address()).setPortValue(port)))));
        }
        out.add(XdsResource.of(k.cluster(), ClusterLoadAssignment.newBuilder().setClusterName(k.cluster())
            .addEndpoints(group).build()));
      }
      return Output.of(out);
    }
  }

  /** LDS: an api_listener {@code host:port} per service port, loading RDS {@code outbound|port||host}. */
  static final class Listeners implements ResourceGenerator {
    @Override
    public String typeUrl() {
      return TypeUrls.LISTENER;
    }

    @Override
    public Output generate(ProxyContext ctx, Set<String> names) {
      List<XdsResource> out = new ArrayList<>();
      for (Key k : keys(ctx)) {
        String name = k.service.hostname() + ":" + k.port.port();
        if (!wanted(names).test(name)) {
          continue;
        }
        HttpConnectionManager hcm = HttpConnectionManager.newBuilder()
            .setRds(Rds.newBuilder().setRouteConfigName(k.cluster()).setConfigSource(ADS))
            .addHttpFilters(HttpFilter.newBuilder().setName("envoy.filters.http.router")
                .setTypedConfig(Any.pack(Router.getDefaultInstance())))
            .build();
        out.add(XdsResource.of(name, Listener.newBuilder().setName(name)
            .setApiListener(ApiListener.newBuilder().setApiListener(Any.pack(hcm))).build()));
      }
      return Output.of(out);
    }
  }

  /** RDS: one virtual host per route name, every path to the cluster. */
  static final class Routes implements ResourceGenerator {
    @Override
    public String typeUrl() {
      return TypeUrls.ROUTE;
    }

    @Override
    public Output generate(ProxyContext ctx, Set<String> names) {
      Map<String, Key> byName = new TreeMap<>();
      keys(ctx).forEach(k -> byName.put(k.cluster(), k));
      List<XdsResource> out = new ArrayList<>();
      for (String n : new TreeSet<>(names.isEmpty() ? byName.keySet() : names)) {
        Key k = byName.get(n);
        if (k == null) {
          continue;
        }
        VirtualHost vh = VirtualHost.newBuilder().setName(k.service.hostname() + ":" + k.port.port())
            .addDomains(k.service.hostname()).addDomains(k.service.hostname() + ":" + k.port.port())
            .addRoutes(Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix(""))
                .setRoute(RouteAction.newBuilder().setCluster(k.cluster())))
            .build();
        out.add(XdsResource.of(n, RouteConfiguration.newBuilder().setName(n).addVirtualHosts(vh).build()));
      }
      return Output.of(out);
    }
  }
}
