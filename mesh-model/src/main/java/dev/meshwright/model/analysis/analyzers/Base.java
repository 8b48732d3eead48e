package dev.meshwright.model.analysis.analyzers;

import dev.meshwright.model.analysis.Analyzer;
import dev.meshwright.model.analysis.AnalyzerMetadata;

/** Shared plumbing of the analyzers: the metadata given at construction. Immutable. */
abstract class Base implements Analyzer {
  private final AnalyzerMetadata metadata;

  Base(String name, String description, String... inputs) {
    this.metadata = AnalyzerMetadata.of(name, description, inputs);
  }

  @Override
  public final AnalyzerMetadata metadata() {
    return metadata;
  }
}
