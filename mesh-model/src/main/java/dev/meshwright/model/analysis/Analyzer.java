package dev.meshwright.model.analysis;

/**
 * One of Istio's analyzers: reads the resources of its declared input kinds through an
 * {@link AnalysisContext} and reports {@link AnalysisMessage}s. Implementations are stateless (any state
 * lives in locals of one {@link #analyze} call), so one instance may run concurrently over different
 * inputs. A dangling reference or odd value is a message, never an exception.
 */
public interface Analyzer {
  /** Name, description and input kinds, as {@code istioctl analyze -L} lists them. */
  AnalyzerMetadata metadata();

  /** Looks at the input and reports what it finds. */
  void analyze(AnalysisContext context);
}
