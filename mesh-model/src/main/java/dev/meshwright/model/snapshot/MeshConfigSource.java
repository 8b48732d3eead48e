package dev.meshwright.model.snapshot;

import dev.meshwright.api.GenericResource;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshConfigYaml;
import dev.meshwright.model.config.ConfigKey;
import dev.meshwright.model.config.ConfigView;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the mesh config in a config view the way istiod does: the {@code mesh} key of the {@code istio}
 * ConfigMap ({@code istio-REVISION} for a revision) in istiod's namespace, read over Istio's defaults. Without
 * that ConfigMap the defaults apply. Stateless.
 */
public final class MeshConfigSource {
  /** The namespace istiod runs in by default. */
  public static final String ISTIO_NAMESPACE = "istio-system";

  private MeshConfigSource() {}

  /** The name of the mesh ConfigMap for {@code revision} ({@code istio}, or {@code istio-REV}). */
  public static String configMapName(String revision) {
    return revision.isEmpty() || revision.equals("default") ? "istio" : "istio-" + revision;
  }

  /**
   * The effective mesh config of {@code view}; diagnostics name the ConfigMap. When the ConfigMap's config is
   * unusable the result carries no config and the caller decides (an edge usually keeps the last good one).
   */
  public static MeshConfigs.Result fromView(ConfigView view, String istioNamespace, String revision) {
    Optional<GenericResource> cm = view.get(new ConfigKey("", "ConfigMap", istioNamespace, configMapName(revision)))
        .filter(GenericResource.class::isInstance).map(GenericResource.class::cast);
    if (cm.isEmpty()) {
      return new MeshConfigs.Result(Optional.of(MeshConfigs.defaults()), List.of());
    }
    Object data = cm.get().body().get("data");
    Object mesh = data instanceof Map<?, ?> m ? m.get("mesh") : null;
    String source = "ConfigMap " + istioNamespace + "/" + configMapName(revision);
    return MeshConfigYaml.load(source, mesh instanceof String s ? s : "");
  }
}
