package dev.meshwright.model.analysis.analyzers;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.ResourceKind;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code schema.ValidationAnalyzer.<Kind>}: Istio's webhook validation (mesh-api's {@link MeshValidator}) run over
 * every resource of one Istio kind; errors are IST0106, warnings IST0133, except the VirtualService
 * unreachable-rule (IST0130) and ineffective-match (IST0131) findings.
 */
public final class SchemaValidationAnalyzer extends Base {
  private static final Pattern UNREACHABLE = Pattern.compile("virtualService rule (.+) not used \\((.*)\\)");
  private static final Pattern INEFFECTIVE = Pattern.compile(
      "virtualService rule (.+) match (.+) is not used \\(duplicate/overlapping match in rule (.+)\\)");
  private static final MeshValidator VALIDATOR = MeshValidator.create();

  private final String kindKey;

  /** The analyzer for one Istio kind. */
  public SchemaValidationAnalyzer(ResourceKind<?, ?> kind) {
    super("schema.ValidationAnalyzer." + kind.kind(), "Runs schema validation as an analyzer on '" + kind.kind()
        + "' resources", Kinds.key(kind.group(), kind.kind()));
    this.kindKey = Kinds.key(kind.group(), kind.kind());
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    for (AnalysisResource r : ctx.resources(kindKey)) {
      for (Diagnostic d : VALIDATOR.validate(r.resource())) {
        ctx.report(message(r, d));
      }
    }
  }

  private static AnalysisMessage message(AnalysisResource r, Diagnostic d) {
    String text = d.message();
    if (!d.isError()) {
      Matcher ineffective = INEFFECTIVE.matcher(d.message());
      if (ineffective.matches()) {
        return AnalysisMessage.of(Messages.VIRTUAL_SERVICE_INEFFECTIVE_MATCH, r.ref(), ineffective.group(1),
            ineffective.group(2), ineffective.group(3));
      }
      Matcher unreachable = UNREACHABLE.matcher(d.message());
      if (unreachable.matches()) {
        return AnalysisMessage.of(Messages.VIRTUAL_SERVICE_UNREACHABLE_RULE, r.ref(), unreachable.group(1),
            unreachable.group(2));
      }
      return AnalysisMessage.of(Messages.SCHEMA_WARNING, r.ref(), text);
    }
    return AnalysisMessage.of(Messages.SCHEMA_VALIDATION_ERROR, r.ref(), text);
  }
}
