package dev.meshwright.model.gateway;

import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.TCPRoute;
import dev.meshwright.api.networking.TLSRoute;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.api.networking.VirtualServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A generated VirtualService under construction: routes of several route objects may merge into it. Not thread-safe. */
final class VsDraft {
  private final String name;
  private final String namespace;
  private final String creationTimestamp;
  private final String host;
  private final String gateway;
  private String parents;
  /** The HTTP routes; may share its backing array with other drafts (see {@link SharedRoutes}). */
  SharedRoutes<HTTPRoute> http = SharedRoutes.empty();
  final List<TCPRoute> tcp = new ArrayList<>();
  final List<TLSRoute> tls = new ArrayList<>();

  VsDraft(RouteSource src, String name, String host, String gateway) {
    this.name = name;
    this.namespace = src.namespace();
    this.creationTimestamp = src.creationTimestamp();
    this.host = host;
    this.gateway = gateway;
    this.parents = src.parentAnnotation();
  }

  void addParent(RouteSource src) {
    parents = parents + "," + src.parentAnnotation();
  }

  String key() {
    return namespace + "/" + name;
  }

  VirtualService build() {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("internal.istio.io/parents", parents);
    annotations.put("internal.istio.io/route-semantics", "gateway");
    return VirtualService.builder()
        .apiVersion("networking.istio.io/v1alpha3")
        .metadata(ObjectMeta.builder().name(name).namespace(namespace).annotations(annotations)
            .creationTimestamp(creationTimestamp.isEmpty() ? Optional.empty() : Optional.of(creationTimestamp))
            .build())
        .spec(VirtualServiceSpec.builder()
            .addHost(host)
            .addGateway(gateway)
            .http(http.toList())
            .tcp(tcp)
            .tls(tls)
            .build())
        .build();
  }
}
