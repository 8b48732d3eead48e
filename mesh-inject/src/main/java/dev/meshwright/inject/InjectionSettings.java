package dev.meshwright.inject;

import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import java.util.Objects;

/**
 * Everything the sidecar mutation reads besides the pod: the injector values, the effective MeshConfig
 * (defaults already applied), the injector options (revision, default templates, injected annotations) and the
 * feature switches. Immutable.
 *
 * @param values the injector's Helm values
 * @param mesh the effective MeshConfig; its {@code defaultConfig} is the proxy config before pod annotations
 * @param options the injector options
 * @param features environment switches and proxy ids
 */
public record InjectionSettings(InjectorValues values, MeshConfig mesh, InjectionOptions options,
    InjectionFeatures features) {
  public InjectionSettings {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(mesh, "mesh");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(features, "features");
  }

  /** Chart default values, Istio's default MeshConfig, default options and switches. */
  public static InjectionSettings defaults() {
    return new InjectionSettings(InjectorValues.defaults(), MeshConfigs.defaults(), InjectionOptions.defaults(),
        InjectionFeatures.defaults());
  }

  /** A copy with other values. */
  public InjectionSettings withValues(InjectorValues value) {
    return new InjectionSettings(value, mesh, options, features);
  }

  /** A copy with another effective MeshConfig. */
  public InjectionSettings withMesh(MeshConfig value) {
    return new InjectionSettings(values, value, options, features);
  }

  /** A copy with other options. */
  public InjectionSettings withOptions(InjectionOptions value) {
    return new InjectionSettings(values, mesh, value, features);
  }

  /** A copy with other feature switches. */
  public InjectionSettings withFeatures(InjectionFeatures value) {
    return new InjectionSettings(values, mesh, options, value);
  }
}
