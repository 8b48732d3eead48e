package dev.meshwright.model.analysis.analyzers;

import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.HashSet;
import java.util.Set;

/** {@code virtualservice.DestinationRuleAnalyzer}: route and mirror subsets no DestinationRule defines (IST0101). */
public final class DestinationRuleAnalyzer extends Base {
  public DestinationRuleAnalyzer() {
    super("virtualservice.DestinationRuleAnalyzer",
        "Checks the destination rules associated with each virtual service",
        Kinds.VIRTUAL_SERVICE, Kinds.DESTINATION_RULE);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    Set<String> known = new HashSet<>();
    for (AnalysisResource dr : ctx.resources(Kinds.DESTINATION_RULE)) {
      String[] host = Hosts.resourceNameFromHost(dr.namespace(), Json.text(dr.spec(), "host"));
      for (var subset : Json.list(dr.spec(), "subsets")) {
        known.add(host[0] + "/" + host[1] + "+" + Json.text(subset, "name"));
      }
    }
    for (AnalysisResource r : ctx.resources(Kinds.VIRTUAL_SERVICE)) {
      for (Destinations.Annotated d : Destinations.routes(r.spec())) {
        if (!defined(r.namespace(), d, known)) {
          ctx.report(AnalysisMessage.of(Messages.REFERENCED_RESOURCE_NOT_FOUND, r.ref(),
              "host+subset in destinationrule", d.host() + "+" + d.subset()).at(d.path()));
        }
      }
      for (Destinations.Annotated d : Destinations.mirrors(r.spec())) {
        if (!defined(r.namespace(), d, known)) {
          ctx.report(AnalysisMessage.of(Messages.REFERENCED_RESOURCE_NOT_FOUND, r.ref(),
              "mirror+subset in destinationrule", d.host() + "+" + d.subset()).at(d.path()));
        }
      }
    }
  }

  private static boolean defined(String namespace, Destinations.Annotated d, Set<String> known) {
    if (d.subset().isEmpty()) {
      return true;
    }
    String[] host = Hosts.resourceNameFromHost(namespace, d.host());
    return known.contains(host[0] + "/" + host[1] + "+" + d.subset());
  }
}
