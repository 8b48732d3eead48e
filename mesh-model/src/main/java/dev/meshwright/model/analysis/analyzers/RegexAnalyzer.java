package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.validation.Regexes;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.List;
import java.util.Map;

/** {@code virtualservice.RegexAnalyzer}: regex string matches RE2 (Go's engine) rejects (IST0122). */
public final class RegexAnalyzer extends Base {
  public RegexAnalyzer() {
    super("virtualservice.RegexAnalyzer", "Checks regex syntax", Kinds.VIRTUAL_SERVICE);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    for (AnalysisResource r : ctx.resources(Kinds.VIRTUAL_SERVICE)) {
      List<JsonNode> http = Json.list(r.spec(), "http");
      for (int i = 0; i < http.size(); i++) {
        List<JsonNode> matches = Json.list(http.get(i), "match");
        for (int j = 0; j < matches.size(); j++) {
          JsonNode m = matches.get(j);
          String base = "spec.http[" + i + "].match[" + j + "].";
          for (String field : List.of("uri", "scheme", "method", "authority")) {
            check(ctx, r, m.path(field), field, base + field + ".regex");
          }
          for (String field : List.of("headers", "queryParams")) {
            for (Map.Entry<String, JsonNode> e : m.path(field).properties()) {
              check(ctx, r, e.getValue(), field, base + field + "." + e.getKey() + ".regex");
            }
          }
        }
        List<JsonNode> origins = Json.list(http.get(i).path("corsPolicy"), "allowOrigins");
        for (int j = 0; j < origins.size(); j++) {
          check(ctx, r, origins.get(j), "corsPolicy.allowOrigins",
              "spec.http[" + i + "].corsPolicy.allowOrigins[" + j + "].regex");
        }
      }
    }
  }

  private static void check(AnalysisContext ctx, AnalysisResource r, JsonNode match, String where, String path) {
    String re = Json.text(match, "regex");
    if (re.isEmpty()) {
      return;
    }
    Regexes.re2Error(re).ifPresent(problem ->
        ctx.report(AnalysisMessage.of(Messages.INVALID_REGEXP, r.ref(), where, re, problem).at(path)));
  }
}
