package dev.meshwright.fabric8.kube;

import dev.meshwright.api.Diagnostic;
import java.util.List;

/**
 * A list read from the API server: every item that could be read, sorted by namespace and name, and a
 * diagnostic for each problem (an unreadable item is left out; the others are all there). Immutable.
 *
 * @param items the resources read
 * @param diagnostics problems met, naming each item's kind, namespace and name
 * @param <R> the resource type
 */
public record Listing<R>(List<R> items, List<Diagnostic> diagnostics) {
  public Listing {
    items = List.copyOf(items);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether any item could not be read. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
