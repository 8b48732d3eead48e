package dev.meshwright.xds.endpoint;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.cluster.LoadAssignments;
import dev.meshwright.xds.cluster.ProxyFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * EDS for Envoy and proxyless gRPC proxies: one ClusterLoadAssignment per requested cluster name
 * ({@code outbound|port|subset|host}), built by {@link LoadAssignments#forCluster}; a name with nothing behind it
 * gets an assignment without endpoints, as istiod answers. Proxies with the same {@link ProxyFacts} share the
 * assignments through the snapshot's cache. Not a wildcard type: no names, no resources. Stateless
 * and thread-safe; never throws for bad config (a failing name becomes a diagnostic).
 */
public final class EndpointGenerator implements ResourceGenerator {
  @Override
  public String typeUrl() {
    return TypeUrls.ENDPOINT;
  }

  @Override
  public Output generate(ProxyContext ctx, Set<String> names) {
    List<XdsResource> out = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    ProxyFacts facts = ProxyFacts.of(ctx);
    for (String name : new TreeSet<>(names)) {
      try {
        out.add(LoadAssignments.resource(ctx, facts, name));
      } catch (RuntimeException e) {
        diagnostics.add(Diagnostic.error("", "endpoints of " + name + " not generated: " + e));
      }
    }
    return new Output(out, diagnostics);
  }
}
