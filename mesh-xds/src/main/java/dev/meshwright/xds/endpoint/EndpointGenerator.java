package dev.meshwright.xds.endpoint;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.cluster.LoadAssignments;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * EDS for Envoy and proxyless gRPC proxies: one ClusterLoadAssignment per requested cluster name
 * ({@code outbound|port|subset|host}), built by {@link LoadAssignments#forCluster}; a name with nothing behind it
 * gets an assignment without endpoints, as istiod answers. Not a wildcard type: no names, no resources. Stateless
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
    for (String name : new TreeSet<>(names)) {
      try {
        out.add(XdsResource.of(name, LoadAssignments.forCluster(ctx, name)));
      } catch (RuntimeException e) {
        diagnostics.add(Diagnostic.error("", "endpoints of " + name + " not generated: " + e));
      }
    }
    return new Output(out, diagnostics);
  }
}
