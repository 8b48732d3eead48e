package dev.meshwright.xds.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.model.registry.Endpoint;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.registry.ServicePort;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.cluster.ClusterNames;
import dev.meshwright.xds.listener.PeerAuthentications;
import dev.meshwright.xds.listener.PeerAuthentications.Mode;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.listener.v3.ApiListener;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.NonForwardingAction;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * LDS for proxyless gRPC clients, as istiod 1.22.8's {@code grpcgen/lds.go}: only requested names are answered.
 * <ul>
 *   <li>Outbound {@code host:port} (a short name is completed with the proxy's DNS domain to find the imported
 *   service, and the listener keeps the spelling asked for): an {@code api_listener} holding a connection manager
 *   with HTTP filters fault then router and RDS {@code outbound|<port>||<host>} over ADS.</li>
 *   <li>Inbound {@code xds.istio.io/grpc/lds/inbound/<ip>:<port>} for a port the workload serves: one chain,
 *   {@code inbound-mtls} under STRICT (certificate provider instance {@code default}, client certificate required)
 *   or {@code inbound-plaintext} otherwise; PERMISSIVE counts as DISABLE unless the workload has
 *   {@code security.istio.io/tlsMode=istio}, which makes it STRICT. Its connection manager answers every request
 *   locally (non-forwarding route) after the {@link GrpcInboundFilters} and the router.</li>
 * </ul>
 * Not modelled: the stateful-session filter, dual-stack additional addresses. A malformed inbound name gets a
 * diagnostic. Pure, stateless and thread-safe.
 */
public final class GrpcListenerGenerator implements ResourceGenerator {
  static final String TLS_TRANSPORT_SOCKET = "envoy.transport_sockets.tls";
  private static final String TLS_MODE_LABEL = "security.istio.io/tlsMode";

  private final GrpcInboundFilters inboundFilters;

  private GrpcListenerGenerator(GrpcInboundFilters inboundFilters) {
    this.inboundFilters = Objects.requireNonNull(inboundFilters, "inboundFilters");
  }

  /** A generator whose inbound chains carry no RBAC filters. */
  public static GrpcListenerGenerator create() {
    return new GrpcListenerGenerator(GrpcInboundFilters.NONE);
  }

  /** A generator whose inbound chains carry {@code filters}' RBAC filters. */
  public static GrpcListenerGenerator withInboundFilters(GrpcInboundFilters filters) {
    return new GrpcListenerGenerator(filters);
  }

  @Override
  public String typeUrl() {
    return TypeUrls.LISTENER;
  }

  @Override
  public Output generate(ProxyContext ctx, Set<String> names) {
    ListenerNames filter = ListenerNames.parse(names, ctx.proxy());
    List<XdsResource> out = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    outbound(ctx, filter, out);
    inbound(ctx, filter, out, problems);
    return new Output(out, problems);
  }

  private static void outbound(ProxyContext ctx, ListenerNames filter, List<XdsResource> out) {
    for (MeshService svc : ctx.scope().services()) {
      Optional<ListenerNames.Wanted> wanted = filter.get(svc.hostname());
      if (wanted.isEmpty()) {
        continue;
      }
      String address = svc.addresses().isEmpty() ? MeshService.UNSPECIFIED_IP : svc.addresses().get(0);
      for (String requested : wanted.get().requested()) {
        for (ServicePort p : svc.ports()) {
          String port = String.valueOf(p.port());
          if (!wanted.get().ports().isEmpty() && !wanted.get().ports().contains(port)) {
            continue;
          }
          HttpConnectionManager hcm = HttpConnectionManager.newBuilder()
              .addHttpFilters(filter("envoy.filters.http.fault", Any.pack(HTTPFault.getDefaultInstance())))
              .addHttpFilters(router())
              .setRds(Rds.newBuilder().setConfigSource(ConfigSource.newBuilder()
                  .setAds(AggregatedConfigSource.getDefaultInstance()))
                  .setRouteConfigName(ClusterNames.outbound(p.port(), svc.hostname())))
              .build();
          String name = ListenerNames.joinHostPort(requested, port);
          Listener l = Listener.newBuilder().setName(name).setAddress(address(address, p.port()))
              .setApiListener(ApiListener.newBuilder().setApiListener(Any.pack(hcm))).build();
          out.add(XdsResource.of(name, l));
        }
      }
    }
  }

  private void inbound(ProxyContext ctx, ListenerNames filter, List<XdsResource> out, List<Diagnostic> problems) {
    if (filter.inbound().isEmpty()) {
      return;
    }
    TreeMap<Integer, MeshService> byTargetPort = new TreeMap<>();
    for (ProxyContext.ServiceInstance si : ctx.serviceInstances()) {
      for (ServicePort p : si.service().ports()) {
        byTargetPort.put(targetPort(si.endpoint(), p), si.service());
      }
    }
    PeerAuthentications.Effective peer = PeerAuthentications.of(ctx);
    for (String name : filter.inbound()) {
      Optional<String[]> hp = ListenerNames.splitHostPort(name.substring(ListenerNames.INBOUND_PREFIX.length()));
      int port;
      try {
        port = Integer.parseInt(hp.map(a -> a[1]).orElse(""));
      } catch (NumberFormatException e) {
        problems.add(Diagnostic.error("lds", "cannot parse the address of gRPC listener " + name));
        continue;
      }
      if (!byTargetPort.containsKey(port)) {
        continue;
      }
      Mode mode = peer.forPort(port);
      if (mode == Mode.PERMISSIVE && "istio".equals(ctx.proxy().labels().get(TLS_MODE_LABEL))) {
        mode = Mode.STRICT;
      }
      FilterChain chain = mode == Mode.STRICT ? chain(ctx, "mtls", true) : chain(ctx, "plaintext", false);
      Listener l = Listener.newBuilder().setName(name).setAddress(address(hp.get()[0], port)).addFilterChains(chain)
          .build();
      out.add(XdsResource.of(name, l));
    }
  }

  private static int targetPort(Endpoint e, ServicePort p) {
    Integer mapped = e.ports().get(p.name());
    return mapped != null ? mapped : p.targetPort() > 0 ? p.targetPort() : p.port();
  }

  private FilterChain chain(ProxyContext ctx, String suffix, boolean mtls) {
    List<HttpFilter> filters = new ArrayList<>(inboundFilters.http(ctx));
    filters.add(router());
    HttpConnectionManager hcm = HttpConnectionManager.newBuilder()
        .setRouteConfig(RouteConfiguration.newBuilder().setName("inbound").addVirtualHosts(VirtualHost.newBuilder()
            .addDomains("*").addRoutes(Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix("/"))
                .setNonForwardingAction(NonForwardingAction.getDefaultInstance()))))
        .addAllHttpFilters(filters).build();
    FilterChain.Builder fc = FilterChain.newBuilder().setName("inbound-" + suffix)
        .addFilters(Filter.newBuilder().setName("inbound-hcm" + suffix).setTypedConfig(Any.pack(hcm)));
    if (mtls) {
      fc.setTransportSocket(TransportSocket.newBuilder().setName(TLS_TRANSPORT_SOCKET)
          .setTypedConfig(Any.pack(DownstreamTlsContext.newBuilder().setCommonTlsContext(commonTlsContext())
              .setRequireClientCertificate(BoolValue.of(true)).build())));
    }
    return fc.build();
  }

  /** istiod's {@code buildCommonTLSContext} without SANs: certificate provider instance {@code default}. */
  @SuppressWarnings("deprecation") // the (deprecated) fields istiod 1.22 sets and gRPC clients read
  static CommonTlsContext commonTlsContext() {
    return CommonTlsContext.newBuilder()
        .setTlsCertificateCertificateProviderInstance(CommonTlsContext.CertificateProviderInstance.newBuilder()
            .setInstanceName("default").setCertificateName("default"))
        .setCombinedValidationContext(CommonTlsContext.CombinedCertificateValidationContext.newBuilder()
            .setValidationContextCertificateProviderInstance(CommonTlsContext.CertificateProviderInstance.newBuilder()
                .setInstanceName("default").setCertificateName("ROOTCA"))
            .setDefaultValidationContext(CertificateValidationContext.getDefaultInstance()))
        .build();
  }

  private static HttpFilter router() {
    return filter("envoy.filters.http.router", Any.pack(Router.getDefaultInstance()));
  }

  private static HttpFilter filter(String name, Any config) {
    return HttpFilter.newBuilder().setName(name).setTypedConfig(config).build();
  }

  private static Address address(String ip, int port) {
    return Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress(ip).setPortValue(port)).build();
  }
}
