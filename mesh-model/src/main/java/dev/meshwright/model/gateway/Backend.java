package dev.meshwright.model.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendObjectReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * A backendRef of any route kind, reduced to what the conversion reads.
 *
 * @param group the referent's group (null when unset)
 * @param kind the referent's kind (null when unset)
 * @param name its name
 * @param namespace its namespace (null: the route's)
 * @param port the port (null when unset)
 * @param weight the weight (1 when unset)
 * @param filters per-backend filters
 */
record Backend(String group, String kind, String name, String namespace, Integer port, int weight,
    List<Filter> filters) {

  /**
   * A per-backend filter.
   *
   * @param type the filter type
   * @param headers the header modifier, for the two header filter types
   */
  record Filter(String type, HTTPHeaderFilter headers) {}

  Backend {
    name = name == null ? "" : name;
    filters = List.copyOf(filters);
  }

  static Backend of(BackendRef r) {
    return new Backend(r.getGroup(), r.getKind(), r.getName(), r.getNamespace(), r.getPort(), weight(r.getWeight()), List.of());
  }

  static Backend of(BackendObjectReference r) {
    return new Backend(r.getGroup(), r.getKind(), r.getName(), r.getNamespace(), r.getPort(), 1, List.of());
  }

  static Backend of(HTTPBackendRef r) {
    List<Filter> filters = new ArrayList<>();
    if (r.getFilters() != null) {
      for (HTTPRouteFilter f : r.getFilters()) {
        filters.add(new Filter(f.getType(), headerFilter(f.getType(), f.getRequestHeaderModifier(), f.getResponseHeaderModifier())));
      }
    }
    return new Backend(r.getGroup(), r.getKind(), r.getName(), r.getNamespace(), r.getPort(), weight(r.getWeight()), filters);
  }

  static Backend of(GRPCBackendRef r) {
    List<Filter> filters = new ArrayList<>();
    if (r.getFilters() != null) {
      for (GRPCRouteFilter f : r.getFilters()) {
        filters.add(new Filter(f.getType(), headerFilter(f.getType(), f.getRequestHeaderModifier(), f.getResponseHeaderModifier())));
      }
    }
    return new Backend(r.getGroup(), r.getKind(), r.getName(), r.getNamespace(), r.getPort(), weight(r.getWeight()), filters);
  }

  private static HTTPHeaderFilter headerFilter(String type, HTTPHeaderFilter request, HTTPHeaderFilter response) {
    if ("RequestHeaderModifier".equals(type)) {
      return request;
    }
    if ("ResponseHeaderModifier".equals(type)) {
      return response;
    }
    return null;
  }

  private static int weight(Integer w) {
    return w == null ? 1 : w;
  }

  static int weightSum(List<Backend> backends) {
    int sum = 0;
    for (Backend b : backends) {
      sum += b.weight();
    }
    return sum;
  }
}
