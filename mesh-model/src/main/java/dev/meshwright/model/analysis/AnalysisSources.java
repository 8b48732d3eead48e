package dev.meshwright.model.analysis;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.Document;
import dev.meshwright.api.yaml.MeshConfigYaml;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import dev.meshwright.api.yaml.Strictness;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns texts already read by an edge (files, standard input) into analysis input, the way
 * {@code istioctl analyze} reads its file arguments: multi-document YAML or JSON, {@code kind: List}
 * flattened, unknown fields tolerated. Pure and stateless; problems are returned as diagnostics.
 */
public final class AnalysisSources {
  private static final MeshYaml CODEC = MeshYaml.standard().withStrictness(Strictness.LENIENT);

  private AnalysisSources() {}

  /**
   * Adds every resource of {@code text} (named {@code source}) whose kind key passes {@code keepKind} to
   * {@code builder} in {@code cluster}; returns the read errors (documents that could not be read at all).
   */
  public static List<Diagnostic> addText(AnalysisInput.Builder builder, String source, String text, String cluster,
      Predicate<String> keepKind) {
    ReadResult read = CODEC.readAll(source, text);
    for (Document doc : read.documents()) {
      String key = Kinds.key(doc.resource().group(), doc.resource().kind());
      if (keepKind.test(key)) {
        builder.add(doc.resource(), source, doc.line(), cluster);
      }
    }
    List<Diagnostic> errors = new ArrayList<>();
    for (Diagnostic d : read.diagnostics()) {
      if (d.isError()) {
        errors.add(d);
      }
    }
    return errors;
  }

  /**
   * Reads a partial MeshConfig ({@code --meshConfigFile}) and merges it over Istio's defaults. Errors leave the
   * config empty.
   */
  public static MeshConfigs.Result meshConfig(String source, String text) {
    MeshConfigs.Result read = MeshConfigYaml.read(source, text);
    if (read.meshConfig().isEmpty() || read.hasErrors()) {
      return read;
    }
    MeshConfig merged = MeshConfigs.merge(MeshConfigs.defaults(), read.meshConfig().get());
    return new MeshConfigs.Result(Optional.of(merged), read.diagnostics());
  }
}
