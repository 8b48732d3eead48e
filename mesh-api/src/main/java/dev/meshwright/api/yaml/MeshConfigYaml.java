package dev.meshwright.api.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.mesh.ProxyConfig;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The YAML form of MeshConfig: the {@code mesh} key of the {@code istio} ConfigMap, {@code --meshConfigFile}
 * and {@code proxy.istio.io/config} annotations. Values, defaults, merging and validation are in
 * {@link MeshConfigs}. Pure and thread-safe; never throws for bad input.
 */
public final class MeshConfigYaml {
  private MeshConfigYaml() {}

  /**
   * Reads a mesh config exactly as written (no defaults applied). Unknown fields, wrong types and bad
   * enum or duration values are errors with their field path, line and column; an empty text is an empty
   * config.
   *
   * @param source names the text in diagnostics (a file name, or {@code -})
   */
  public static MeshConfigs.Result read(String source, String yamlText) {
    ValueResult<MeshConfig> r = MeshYaml.readValue(source, yamlText, MeshConfig.class);
    return new MeshConfigs.Result(r.value(), r.diagnostics());
  }

  /**
   * Reads a ProxyConfig as written in a {@code proxy.istio.io/config} annotation or a {@code defaultConfig}
   * block, with the same strict binding as {@link #read}; apply it with {@link MeshConfigs#mergeProxyConfig}.
   */
  public static ValueResult<ProxyConfig> readProxyConfig(String source, String yamlText) {
    return MeshYaml.readValue(source, yamlText, ProxyConfig.class);
  }

  /**
   * Reads a mesh config and applies it over {@link MeshConfigs#defaults()}, then validates the result, as istiod does
   * with its ConfigMap (pkg/config/mesh ApplyMeshConfigDefaults). The config is empty when the text does
   * not bind; validation errors keep the merged config so callers can show it.
   */
  public static MeshConfigs.Result load(String source, String yamlText) {
    MeshConfigs.Result read = read(source, yamlText);
    if (read.meshConfig().isEmpty() || read.hasErrors()) {
      return read;
    }
    MeshConfig effective = MeshConfigs.merge(MeshConfigs.defaults(), read.meshConfig().get());
    List<Diagnostic> all = new ArrayList<>(read.diagnostics());
    MeshConfigs.validate(effective).forEach(d -> all.add(d.withSource(source, 0, 0)));
    return new MeshConfigs.Result(Optional.of(effective), all);
  }

  /** Writes a config in the ConfigMap's YAML form (keys sorted, unset fields left out). */
  public static String writeYaml(MeshConfig meshConfig) {
    try {
      return MeshJackson.yaml().writeValueAsString(meshConfig);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
