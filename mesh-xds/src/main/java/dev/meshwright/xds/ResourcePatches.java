package dev.meshwright.xds;

import dev.meshwright.api.Diagnostic;
import java.util.List;
import java.util.Set;

/**
 * The step of {@link XdsGenerator} between the generators and the output checks that may change one proxy's
 * resources (istiod's EnvoyFilter patches, {@code xds.envoyfilter}). The generator asks for the proxy's
 * {@link Patcher} once per generation and runs it on the clusters (before endpoint names are derived from them),
 * the listeners (before route names are) and the route configurations. Implementations are pure and thread-safe,
 * never mutate a resource they are given (resources may be shared through the {@link XdsCache}) and never throw
 * for bad config: problems are diagnostics.
 */
public interface ResourcePatches {
  /** Patches nothing. */
  ResourcePatches NONE = ctx -> Patcher.NONE;

  /** The patcher for {@code ctx}'s proxy; {@link Patcher#NONE} when nothing applies to it. */
  Patcher forProxy(ProxyContext ctx);

  /** One proxy's patches. Not thread-safe: used by one generation. */
  interface Patcher {
    /** Changes nothing and reports nothing. */
    Patcher NONE = (typeUrl, names, out) -> { };

    /**
     * Patches the resources of {@code typeUrl} in {@code out}, replacing changed ones with new resources.
     *
     * @param names the names asked for, as {@link ResourceGenerator#generate} gets them: empty for wildcard (then
     *     patches may add resources of the type)
     */
    void patch(String typeUrl, Set<String> names, XdsResources.Builder out);

    /** Problems found preparing the patches, reported once in the output. */
    default List<Diagnostic> diagnostics() {
      return List.of();
    }
  }
}
