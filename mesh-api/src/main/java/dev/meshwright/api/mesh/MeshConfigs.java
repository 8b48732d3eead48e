package dev.meshwright.api.mesh;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.Problems;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Entry point for MeshConfig values: Istio 1.22.8's defaults, applying a user's config over them the way
 * istiod does, and validation. Reading and writing the YAML form lives in
 * {@link dev.meshwright.api.yaml.MeshConfigYaml} (the codec package), which returns {@link Result}.
 *
 * <pre>{@code
 * MeshConfigs.Result r = MeshConfigYaml.load("mesh.yaml", text);   // read + defaults + validate
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
   * @param diagnostics parse, binding and (for {@code MeshConfigYaml.load}) validation problems, with field paths
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
}
