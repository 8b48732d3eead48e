package dev.meshwright.api.yaml;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.MeshResource;
import java.util.List;

/**
 * What reading a source gave: every resource that could be read, and every problem met on the way.
 * A document that could not be bound is left out of {@link #documents()}; one whose only problems are
 * unknown fields is kept (they were skipped), so check {@link #hasErrors()} before applying anything.
 *
 * @param documents the resources read, in source order
 * @param diagnostics parse and binding problems, in source order
 */
public record ReadResult(List<Document> documents, List<Diagnostic> diagnostics) {
  public ReadResult {
    documents = List.copyOf(documents);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Just the resources. */
  public List<MeshResource> resources() {
    return documents.stream().map(Document::resource).toList();
  }

  /** Whether any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
