package dev.meshwright.xds.bootstrap;

import com.google.protobuf.Any;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.core.v3.TypedExtensionConfig;
import io.envoyproxy.envoy.config.listener.v3.AdditionalAddress;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.compression.brotli.compressor.v3.Brotli;
import io.envoyproxy.envoy.extensions.compression.gzip.compressor.v3.Gzip;
import io.envoyproxy.envoy.extensions.compression.zstd.compressor.v3.Zstd;
import io.envoyproxy.envoy.extensions.filters.http.compressor.v3.Compressor;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.Optional;

/**
 * The two static listeners of the bootstrap: Prometheus stats on the Prometheus port ({@code /stats/prometheus} to
 * {@code prometheus_stats}, optionally compressed) and readiness on the status port ({@code /healthz/ready} to the
 * agent). Stateless.
 */
final class AgentListeners {
  private AgentListeners() {}

  /** The Prometheus listener; loopback only when {@code localhostOnly}. */
  static Listener prometheus(int port, Addresses.Local local, boolean localhostOnly, Optional<String> compression) {
    HttpConnectionManager.Builder hcm = hcm("stats", "/stats/prometheus", AgentClusters.PROMETHEUS_STATS);
    compression.ifPresent(c -> hcm.addHttpFilters(HttpFilter.newBuilder().setName("envoy.filters.http.compressor")
        .setTypedConfig(Any.pack(Compressor.newBuilder().setCompressorLibrary(TypedExtensionConfig.newBuilder()
            .setName("text_optimized").setTypedConfig(compressorLibrary(c))).build()))));
    hcm.addHttpFilters(router());
    return listener(port, localhostOnly ? local.localhost() : local.wildcard(),
        localhostOnly ? local.additionalLocalhost() : local.additionalWildcard(), hcm.build());
  }

  /** The readiness listener. */
  static Listener status(int port, Addresses.Local local) {
    HttpConnectionManager hcm = hcm("agent", "/healthz/ready", AgentClusters.AGENT).addHttpFilters(router()).build();
    return listener(port, local.wildcard(), local.additionalWildcard(), hcm);
  }

  private static Listener listener(int port, String address, Optional<String> additional, HttpConnectionManager hcm) {
    Listener.Builder b = Listener.newBuilder().setAddress(tcp(address, port));
    additional.ifPresent(a -> b.addAdditionalAddresses(AdditionalAddress.newBuilder().setAddress(tcp(a, port))));
    return b.addFilterChains(FilterChain.newBuilder().addFilters(Filter.newBuilder()
        .setName("envoy.filters.network.http_connection_manager").setTypedConfig(Any.pack(hcm)))).build();
  }

  private static HttpConnectionManager.Builder hcm(String statPrefix, String pathPrefix, String cluster) {
    return HttpConnectionManager.newBuilder().setCodecType(HttpConnectionManager.CodecType.AUTO)
        .setStatPrefix(statPrefix)
        .setRouteConfig(RouteConfiguration.newBuilder().addVirtualHosts(VirtualHost.newBuilder().setName("backend")
            .addDomains("*").addRoutes(Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix(pathPrefix))
                .setRoute(RouteAction.newBuilder().setCluster(cluster)))));
  }

  private static HttpFilter router() {
    return HttpFilter.newBuilder().setName("envoy.filters.http.router")
        .setTypedConfig(Any.pack(Router.getDefaultInstance())).build();
  }

  private static Any compressorLibrary(String name) {
    return switch (name) {
      case "gzip" -> Any.pack(Gzip.getDefaultInstance());
      case "zstd" -> Any.pack(Zstd.getDefaultInstance());
      default -> Any.pack(Brotli.getDefaultInstance());
    };
  }

  private static Address tcp(String address, int port) {
    return Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setProtocol(SocketAddress.Protocol.TCP)
        .setAddress(address).setPortValue(port)).build();
  }
}
