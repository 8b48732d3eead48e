package dev.meshwright.model.analysis;

import java.util.List;
import java.util.Objects;

/**
 * What an analyzer is: its Istio metadata name ({@code virtualservice.GatewayAnalyzer}), a one-line
 * description and the kind keys ({@link Kinds}) it reads. Immutable.
 *
 * @param name the name {@code istioctl analyze -L} prints
 * @param description what it checks
 * @param inputs the kind keys it reads
 */
public record AnalyzerMetadata(String name, String description, List<String> inputs) {
  public AnalyzerMetadata {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    inputs = List.copyOf(inputs);
  }

  /** Metadata from a name, a description and the input kinds. */
  public static AnalyzerMetadata of(String name, String description, String... inputs) {
    return new AnalyzerMetadata(name, description, List.of(inputs));
  }
}
