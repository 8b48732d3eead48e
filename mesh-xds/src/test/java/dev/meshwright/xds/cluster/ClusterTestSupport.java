package dev.meshwright.xds.cluster;

import dev.meshwright.xds.MeshFixture;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.XdsResource;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Runs the Envoy CDS generator on test YAML and reads parts of its clusters. */
final class ClusterTestSupport {
  private ClusterTestSupport() {}

  /** A WorkloadEntry-backed STATIC ServiceEntry {@code name.ns.svc.corp.example} with the given ports YAML. */
  static String service(String name, String ns, String ports, String extra) {
    return "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: " + name + ", namespace: "
        + ns + "}\nspec:\n  hosts: [" + name + "." + ns + ".svc.corp.example]\n  location: MESH_INTERNAL\n"
        + "  resolution: STATIC\n  ports: " + ports + "\n" + extra;
  }

  static String dr(String name, String ns, String host, String body) {
    return "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: " + name
        + ", namespace: " + ns + "}\nspec:\n  host: " + host + "\n" + body;
  }

  static Map<String, Cluster> clusters(ProxyContext ctx) {
    ResourceGenerator.Output out = new ClusterGenerator().generate(ctx, Set.of());
    Map<String, Cluster> m = new LinkedHashMap<>();
    for (XdsResource r : out.resources()) {
      m.put(r.name(), (Cluster) r.message());
    }
    return m;
  }

  /** A sidecar in {@code ns} at 10.20.0.99 labelled app=client. */
  static ProxyContext sidecar(String yaml, String ns) {
    return MeshFixture.context(MeshFixture.snapshot(yaml), MeshFixture.sidecar("10.20.0.99", ns, Map.of("app",
        "client")));
  }

  static HttpProtocolOptions http(Cluster c) throws Exception {
    return c.getTypedExtensionProtocolOptionsOrThrow(Clusters.HTTP_PROTOCOL_OPTIONS).unpack(HttpProtocolOptions.class);
  }

  static UpstreamTlsContext tls(Cluster c) throws Exception {
    return c.getTransportSocket().getTypedConfig().unpack(UpstreamTlsContext.class);
  }
}
