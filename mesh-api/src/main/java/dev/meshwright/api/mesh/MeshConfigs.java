package dev.meshwright.api.mesh;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.Problems;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ValueResult;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Entry point for MeshConfig: reads the YAML form used by the {@code mesh} key of the {@code istio}
 * ConfigMap and by {@code --meshConfigFile}, gives Istio 1.22.8's defaults, applies a user's config over
 * them the way istiod does, and validates.
 *
 * <pre>{@code
 * MeshConfigs.Result r = MeshConfigs.load("mesh.yaml", text);   // read + defaults + validate
 * MeshConfig effective = r.meshConfig().orElseThrow();
 * }</pre>
 *
 * <p>Pure and thread-safe; never throws for bad input (problems come back as diagnostics).
 */
public final class MeshConfigs {
  private MeshConfigs() {}

  /**
   * What reading a mesh config gave.
   *
   * @param meshConfig the config; empty when the text could not be parsed or bound
   * @param diagnostics parse, binding and (for {@link #load}) validation problems, with field paths
   */
  public record Result(Optional<MeshConfig> meshConfig, List<Diagnostic> diagnostics) {
    public Result {
      Objects.requireNonNull(meshConfig, "meshConfig");
      diagnostics = List.copyOf(diagnostics);
    }

    /** Whether any diagnostic is an error. */
    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  /**
   * Reads a mesh config exactly as written (no defaults applied). Unknown fields, wrong types and bad
   * enum or duration values are errors with their field path, line and column; an empty text is an empty
   * config.
   *
   * @param source names the text in diagnostics (a file name, or {@code -})
   */
  public static Result read(String source, String yamlText) {
    ValueResult<MeshConfig> r = MeshYaml.readValue(source, yamlText, MeshConfig.class);
    return new Result(r.value(), r.diagnostics());
  }

  /**
   * Reads a ProxyConfig as written in a {@code proxy.istio.io/config} annotation or a {@code defaultConfig}
   * block, with the same strict binding as {@link #read}; apply it with {@link #mergeProxyConfig}.
   */
  public static ValueResult<ProxyConfig> readProxyConfig(String source, String yamlText) {
    return MeshYaml.readValue(source, yamlText, ProxyConfig.class);
  }

  /**
   * Reads a mesh config and applies it over {@link #defaults()}, then validates the result, as istiod does
   * with its ConfigMap (pkg/config/mesh ApplyMeshConfigDefaults). The config is empty when the text does
   * not bind; validation errors keep the merged config so callers can show it.
   */
  public static Result load(String source, String yamlText) {
    Result read = read(source, yamlText);
    if (read.meshConfig().isEmpty() || read.hasErrors()) {
      return read;
    }
    MeshConfig effective = merge(defaults(), read.meshConfig().get());
    List<Diagnostic> all = new ArrayList<>(read.diagnostics());
    validate(effective).forEach(d -> all.add(d.withSource(source, 0, 0)));
    return new Result(Optional.of(effective), all);
  }

  /** Istio 1.22.8's default MeshConfig (pkg/config/mesh DefaultMeshConfig), with {@link #defaultProxyConfig()}. */
  public static MeshConfig defaults() {
    return MeshDefaults.MESH;
  }

  /** Istio 1.22.8's default ProxyConfig (pkg/config/mesh DefaultProxyConfig). */
  public static ProxyConfig defaultProxyConfig() {
    return MeshDefaults.PROXY;
  }

  /**
   * Applies {@code overlay} over {@code base} with Istio's rules: fields the overlay sets replace the
   * base's (messages and lists whole), except that {@code defaultConfig} is merged field by field (its
   * {@code proxyMetadata} entries merged), {@code defaultProviders} field by field, {@code extensionProviders}
   * by name, and {@code trustDomainAliases} become the sorted union. Empty lists and maps count as unset.
   */
  public static MeshConfig merge(MeshConfig base, MeshConfig overlay) {
    return MeshMerge.mesh(base, overlay);
  }

  /**
   * Applies a ProxyConfig over another as Istio applies {@code proxy.istio.io/config} annotations and
   * {@code defaultConfig} (pkg/config/mesh MergeProxyConfig): set fields replace, {@code proxyMetadata} is
   * merged, and {@code proxyHeaders} members the overlay leaves unset keep the base's.
   */
  public static ProxyConfig mergeProxyConfig(ProxyConfig base, ProxyConfig overlay) {
    return MeshMerge.proxy(base, overlay);
  }

  /**
   * Istio's MeshConfig validation of an effective config; paths are relative to the MeshConfig
   * ({@code defaultConfig.drainDuration}). Absent fields count as zero, so validate a merged config.
   */
  public static List<Diagnostic> validate(MeshConfig effective) {
    Problems problems = Problems.root();
    MeshConfigValidator.INSTANCE.validate(effective, problems);
    return problems.all();
  }

  /** Reports the problems of an effective config below {@code problems} (e.g. {@code spec.meshConfig}). */
  public static void validate(MeshConfig effective, Problems problems) {
    MeshConfigValidator.INSTANCE.validate(effective, problems);
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
