package dev.meshwright.install.apply;

import dev.meshwright.api.operator.IstioOperator;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.install.Diagnostic;
import dev.meshwright.install.InstallInputs;
import dev.meshwright.install.render.ClusterFacts;
import dev.meshwright.install.render.ManifestRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@link Reconciler}'s renderer over Meshwright's own pipeline: the IstioOperator is overlaid on its
 * profile exactly as {@code meshctl install -f} would overlay the same file, then rendered for the
 * cluster's facts. Problems become an {@link IllegalArgumentException} whose message the reconciler puts
 * into the operator's status.
 */
public final class OperatorRenderer implements Reconciler.ManifestRenderer {
  private final ClusterFacts facts;
  private final KubernetesSerialization serialization;

  /** A renderer for a cluster with {@code facts}, converting objects with {@code serialization}. */
  public OperatorRenderer(ClusterFacts facts, KubernetesSerialization serialization) {
    this.facts = Objects.requireNonNull(facts, "facts");
    this.serialization = Objects.requireNonNull(serialization, "serialization");
  }

  @Override
  public List<HasMetadata> render(IstioOperator operator) {
    String source = "IstioOperator " + operator.namespace() + "/" + operator.name();
    InstallInputs.Assembly assembly = InstallInputs.of()
        .withFile(source, MeshYaml.standard().writeYaml(operator)).assemble();
    if (assembly.spec().isEmpty()) {
      throw new IllegalArgumentException(describe(assembly.diagnostics()));
    }
    ManifestRenderer.Rendering rendering = ManifestRenderer.render(assembly.spec().get(), facts);
    if (rendering.manifest().isEmpty()) {
      throw new IllegalArgumentException(describe(rendering.diagnostics()));
    }
    return ManifestObjects.toFabric8(rendering.manifest().get(), serialization);
  }

  private static String describe(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("; "));
  }
}
