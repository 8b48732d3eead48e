package dev.meshwright.api.yaml;

import dev.meshwright.api.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading one non-resource document (a MeshConfig file, a values file) gave: the bound value, if the
 * document could be bound at all, and every problem met, with source, position and field path.
 *
 * @param value the bound value; empty when the document could not be parsed or bound
 * @param diagnostics parse and binding problems, in source order
 * @param <T> the value type
 */
public record ValueResult<T>(Optional<T> value, List<Diagnostic> diagnostics) {
  public ValueResult {
    Objects.requireNonNull(value, "value");
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
