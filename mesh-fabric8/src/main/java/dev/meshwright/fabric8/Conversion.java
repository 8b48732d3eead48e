package dev.meshwright.fabric8;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.MeshResource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What converting one fabric8 document gave: the resource when it could be read, and every problem met.
 * A document with an error has no resource; warnings (an unknown field read leniently) come with one.
 * Immutable.
 *
 * @param resource the resource, empty when the document has an error
 * @param diagnostics binding problems, with kind, namespace, name and field path (no line numbers: the
 *     document came from an API server, not from a file)
 * @param <T> the resource type
 */
public record Conversion<T extends MeshResource>(Optional<T> resource, List<Diagnostic> diagnostics) {
  public Conversion {
    Objects.requireNonNull(resource, "resource");
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether any diagnostic is an error (then {@link #resource()} is empty). */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
