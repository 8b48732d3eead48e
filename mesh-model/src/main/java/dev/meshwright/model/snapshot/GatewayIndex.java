package dev.meshwright.model.snapshot;

import dev.meshwright.api.networking.Gateway;
import dev.meshwright.model.registry.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The networking.istio.io Gateways of the mesh, in Istio's config order (creation time, then name), and which
 * of them configure a given gateway proxy. A Gateway selects a proxy when its {@code selector} is a subset of
 * the proxy's labels (an empty selector selects every gateway proxy), in any namespace unless the scope says
 * otherwise ({@code PILOT_SCOPE_GATEWAY_TO_NAMESPACE}, off by default in Istio 1.22). A Gateway generated from
 * a Kubernetes Gateway API object instead names its services in the {@value #GATEWAY_SERVICE_ANNOTATION}
 * annotation and selects the proxies that are endpoints of one of those services in the Gateway's own
 * namespace. Immutable and thread-safe.
 */
public final class GatewayIndex {
  /** The annotation naming the services (comma-separated hostnames) a generated Gateway applies to. */
  public static final String GATEWAY_SERVICE_ANNOTATION = "internal.istio.io/gateway-service";

  private final List<Gateway> all;

  /** Where a Gateway may live to configure a proxy. */
  public enum Scope {
    /** Any namespace (Istio's default). */
    ANY_NAMESPACE,
    /** Only the proxy's own namespace ({@code PILOT_SCOPE_GATEWAY_TO_NAMESPACE=true}). */
    PROXY_NAMESPACE
  }

  private GatewayIndex(List<Gateway> all) {
    this.all = List.copyOf(all);
  }

  static GatewayIndex build(Collection<Gateway> gateways) {
    List<Gateway> sorted = new ArrayList<>(gateways);
    sorted.sort(Ordering.BY_CREATION);
    return new GatewayIndex(sorted);
  }

  /** Every Gateway, in config order. */
  public List<Gateway> all() {
    return all;
  }

  /**
   * The Gateways that configure a gateway proxy in {@code namespace} with {@code labels}, in config order,
   * with Istio's default scope (any namespace).
   *
   * @param servedServices the services the proxy is an endpoint of, each as {@code namespace/hostname}; only
   *     Gateways carrying {@value #GATEWAY_SERVICE_ANNOTATION} look at them
   */
  public List<Gateway> selecting(String namespace, java.util.Map<String, String> labels, Set<String> servedServices) {
    return selecting(namespace, labels, servedServices, Scope.ANY_NAMESPACE);
  }

  /** As {@link #selecting(String, java.util.Map, Set)}, with an explicit scope. */
  public List<Gateway> selecting(String namespace, java.util.Map<String, String> labels, Set<String> servedServices,
      Scope scope) {
    List<Gateway> out = new ArrayList<>();
    for (Gateway g : all) {
      if (scope == Scope.PROXY_NAMESPACE && !g.namespace().equals(namespace)) {
        continue;
      }
      Optional<List<String>> services = serviceHosts(g);
      if (services.isPresent()) {
        if (services.get().stream().anyMatch(h -> servedServices.contains(g.namespace() + "/" + h))) {
          out.add(g);
        }
      } else if (Labels.matches(g.spec().selector(), labels)) {
        out.add(g);
      }
    }
    return out;
  }

  /**
   * The service hostnames a generated Gateway names in {@value #GATEWAY_SERVICE_ANNOTATION}; empty for a
   * Gateway that selects by labels.
   */
  public static Optional<List<String>> serviceHosts(Gateway g) {
    String v = g.metadata().annotations().get(GATEWAY_SERVICE_ANNOTATION);
    if (v == null) {
      return Optional.empty();
    }
    return Optional.of(Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
  }
}
