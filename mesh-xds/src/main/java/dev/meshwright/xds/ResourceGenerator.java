package dev.meshwright.xds;

import java.util.List;
import java.util.Set;

/**
 * Generates the resources of one type for one proxy: the seam each generator (clusters, endpoints, listeners,
 * routes, secrets, proxyless gRPC) implements. Implementations are pure, stateless and thread-safe, and never
 * throw for bad config: a resource they cannot build is left out with a diagnostic in {@link Output}.
 */
public interface ResourceGenerator {
  /** The type URL this generator produces. */
  String typeUrl();

  /**
   * The resources for {@code ctx}'s proxy.
   *
   * @param names the names wanted: empty for "all this generator would send unasked" (wildcard types), else
   *     exactly these (a name with nothing behind it is simply absent from the output)
   */
  Output generate(ProxyContext ctx, Set<String> names);

  /** Resources plus the problems found while building them. */
  record Output(List<XdsResource> resources, List<dev.meshwright.api.Diagnostic> diagnostics) {
    public Output {
      resources = List.copyOf(resources);
      diagnostics = List.copyOf(diagnostics);
    }

    /** Resources with no problems. */
    public static Output of(List<XdsResource> resources) {
      return new Output(resources, List.of());
    }
  }
}
