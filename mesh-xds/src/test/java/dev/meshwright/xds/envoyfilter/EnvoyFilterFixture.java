package dev.meshwright.xds.envoyfilter;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.MeshFixture;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResources;
import dev.meshwright.xds.istiod.Istiod;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A small mesh for EnvoyFilter tests: {@code reviews.shop} (HTTP 9080, TCP 3306) whose one endpoint, 10.0.0.5, is
 * the sidecar under test, plus helpers that read generated resources. Static helpers only.
 */
final class EnvoyFilterFixture {
  static final String HOST = "reviews.shop.svc." + MeshFixture.DOMAIN;
  static final String MESH = """
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: reviews, namespace: shop}
      spec:
        hosts: [reviews.shop.svc.corp.example]
        addresses: [240.0.0.10]
        ports:
        - {number: 9080, name: http, protocol: HTTP}
        - {number: 3306, name: tcp-db, protocol: TCP}
        location: MESH_INTERNAL
        resolution: STATIC
        endpoints:
        - address: 10.0.0.5
          labels: {app: reviews}
      """;

  private EnvoyFilterFixture() {}

  static MeshSnapshot snapshot(String envoyFilters) {
    return MeshFixture.snapshot(MESH + "---\n" + envoyFilters);
  }

  /** The reviews sidecar (namespace shop, app=reviews). */
  static Proxy reviews() {
    return MeshFixture.sidecar("10.0.0.5", "shop", Map.of("app", "reviews"));
  }

  static Proxy sidecar(String ns, Map<String, String> labels) {
    return MeshFixture.sidecar("10.0.0.9", ns, labels);
  }

  static XdsResources generate(MeshSnapshot s, Proxy p) {
    return Istiod.generator(MeshFixture.OPTIONS).generate(s, p);
  }

  static XdsResources generate(String envoyFilters, Proxy p) {
    return generate(snapshot(envoyFilters), p);
  }

  static Listener listener(XdsResources out, String name) {
    return (Listener) out.get(TypeUrls.LISTENER, name).orElseThrow(() -> new AssertionError("no listener " + name))
        .message();
  }

  static Cluster cluster(XdsResources out, String name) {
    return (Cluster) out.get(TypeUrls.CLUSTER, name).orElseThrow(() -> new AssertionError("no cluster " + name))
        .message();
  }

  static RouteConfiguration route(XdsResources out, String name) {
    return (RouteConfiguration) out.get(TypeUrls.ROUTE, name)
        .orElseThrow(() -> new AssertionError("no route " + name)).message();
  }

  static HttpConnectionManager hcm(FilterChain fc) {
    for (Filter f : fc.getFiltersList()) {
      if (f.getName().equals(ListenerPatches.HCM)) {
        try {
          return f.getTypedConfig().unpack(HttpConnectionManager.class);
        } catch (InvalidProtocolBufferException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new AssertionError("no HCM in " + fc.getName());
  }

  static List<String> httpFilterNames(FilterChain fc) {
    return hcm(fc).getHttpFiltersList().stream().map(HttpFilter::getName).toList();
  }

  static List<String> networkFilterNames(FilterChain fc) {
    return fc.getFiltersList().stream().map(Filter::getName).toList();
  }
}
