package io.grpc.xds;

import io.grpc.xds.client.Bootstrapper;
import io.grpc.xds.client.EnvoyProtoData;
import io.grpc.xds.client.XdsResourceType;
import java.util.List;
import java.util.Set;

/**
 * Test-only door into grpc-java's package-private RDS parsing: feeds a serialized Envoy RouteConfiguration to
 * {@code XdsRouteConfigureResource} exactly as the xDS client would, and describes what it understood.
 */
public final class GrpcRdsProbe {
  private GrpcRdsProbe() {}

  /** What the client made of one virtual host: its domains and, per route, a readable summary. */
  public record ParsedHost(String name, List<String> domains, List<String> routes) {}

  /** The virtual hosts grpc-java parsed; throws with grpc-java's message when it would NACK. */
  public static List<ParsedHost> parse(byte[] routeConfiguration) throws Exception {
    var rc = io.grpc.xds.shaded.io.envoyproxy.envoy.config.route.v3.RouteConfiguration.parseFrom(routeConfiguration);
    Bootstrapper.ServerInfo server = Bootstrapper.ServerInfo.create("istiod:15010", new Object());
    Bootstrapper.BootstrapInfo bootstrap = Bootstrapper.BootstrapInfo.builder().servers(List.of(server))
        .node(EnvoyProtoData.Node.newBuilder().setId("sidecar~10.9.0.2~client.web~web.svc.corp.example").build())
        .build();
    XdsResourceType.Args args = new XdsResourceType.Args(server, "1", "nonce", bootstrap, null, Set.of());
    List<VirtualHost> hosts = XdsRouteConfigureResource.extractVirtualHosts(rc, FilterRegistry.getDefaultRegistry(),
        args);
    return hosts.stream().map(h -> new ParsedHost(h.name(), h.domains(),
        h.routes().stream().map(Object::toString).toList())).toList();
  }
}
