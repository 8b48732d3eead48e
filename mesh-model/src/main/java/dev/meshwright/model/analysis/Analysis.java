package dev.meshwright.model.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs analyzers over an input the way {@code istioctl analyze} does: every analyzer reports into its own
 * context; then messages outside the selected namespace, messages suppressed by a resource's
 * {@code galley.istio.io/analyze-suppress} annotation or by an {@link Suppression} are dropped, and the rest
 * are sorted (level, code, origin, text) and de-duplicated by their printed form and the scalar field they point at. Stateless.
 */
public final class Analysis {
  /** The per-resource suppression annotation: a comma-separated list of codes, or {@code *}. */
  public static final String SUPPRESS_ANNOTATION = "galley.istio.io/analyze-suppress";

  private static final Comparator<AnalysisMessage> ORDER = Comparator
      .comparing((AnalysisMessage m) -> -m.level().ordinal())
      .thenComparing(AnalysisMessage::code)
      .thenComparing((AnalysisMessage m) -> m.origin().isPresent())
      .thenComparing(m -> m.origin().map(o -> o.kind() + "/" + o.name() + "/" + o.namespace()).orElse(""))
      .thenComparing(AnalysisMessage::format);

  private Analysis() {}

  /** Runs {@code analyzers} over {@code input} and returns the filtered, sorted, de-duplicated messages. */
  public static List<AnalysisMessage> run(AnalysisInput input, List<Analyzer> analyzers, AnalysisOptions options) {
    List<AnalysisMessage> all = new ArrayList<>();
    for (Analyzer a : analyzers) {
      AnalysisContext ctx = new AnalysisContext(input, options.clock());
      a.analyze(ctx);
      all.addAll(ctx.reported());
    }
    List<AnalysisMessage> kept = new ArrayList<>();
    for (AnalysisMessage m : all) {
      if (!filteredOut(m, input, options)) {
        kept.add(m);
      }
    }
    // Istio's printed form carries the line of the field a message points at; the line key stands in for it.
    record Keyed(AnalysisMessage message, String line) {}
    List<Keyed> keyed = new ArrayList<>();
    kept.forEach(m -> keyed.add(new Keyed(m, lineKey(m, input))));
    keyed.sort(Comparator.comparing(Keyed::message, ORDER).thenComparing(Keyed::line));
    List<AnalysisMessage> deduped = new ArrayList<>();
    Keyed previous = null;
    for (Keyed k : keyed) {
      if (previous == null || !previous.line().equals(k.line())
          || !previous.message().format().equals(k.message().format())) {
        deduped.add(k.message());
      }
      previous = k;
    }
    return List.copyOf(deduped);
  }

  /**
   * What stands in for the line number in Istio's printed form: the field path when it names a scalar of the
   * resource (Istio's field map has lines for scalars only), else nothing (the document's line).
   */
  private static String lineKey(AnalysisMessage m, AnalysisInput input) {
    if (m.path().isEmpty() || m.origin().isEmpty()) {
      return "";
    }
    ResourceRef o = m.origin().get();
    JsonNode tree = o.kind().equals(Kinds.MESH_NETWORKS) ? input.meshNetworks()
        : input.resourceOf(o).map(AnalysisResource::tree).orElse(null);
    return tree != null && FieldPaths.isScalar(tree, m.path()) ? m.path() : "";
  }

  private static boolean filteredOut(AnalysisMessage m, AnalysisInput input, AnalysisOptions options) {
    if (m.origin().isEmpty()) {
      return false;
    }
    ResourceRef o = m.origin().get();
    String ns = o.kind().equals(Kinds.NAMESPACE) ? o.name() : o.namespace();
    if (options.namespace().isPresent() && !ns.isEmpty() && !options.namespace().get().equals(ns)) {
      return true;
    }
    String suppressed = input.resourceOf(o).map(r -> r.annotations().get(SUPPRESS_ANNOTATION)).orElse(null);
    if (suppressed != null && !suppressed.isEmpty()) {
      for (String code : suppressed.split(",")) {
        if (code.equals("*") || code.equals(m.code())) {
          return true;
        }
      }
    }
    return options.suppressions().stream().anyMatch(s -> s.matches(m));
  }
}
