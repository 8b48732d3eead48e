package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gateway.ConflictingGatewayAnalyzer}: different Gateways with the same selector and server port whose
 * hosts overlap (IST0145); a selector no other gateway key contains is reported as not found (IST0101).
 */
public final class ConflictingGatewayAnalyzer extends Base {
  public ConflictingGatewayAnalyzer() {
    super("gateway.ConflictingGatewayAnalyzer", "Checks a gateway's selector, port number and hosts", Kinds.GATEWAY);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    Map<String, Map<String, List<String>>> byKey = new LinkedHashMap<>();
    for (AnalysisResource gw : ctx.resources(Kinds.GATEWAY)) {
      String selector = Selector.of(gw.spec().path("selector")).toString();
      for (JsonNode server : Json.list(gw.spec(), "servers")) {
        String key = selector + "~" + Json.number(server.path("port"), "number");
        byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(gw.fullName(), Json.strings(server, "hosts"));
      }
    }
    for (AnalysisResource gw : ctx.resources(Kinds.GATEWAY)) {
      String selector = Selector.of(gw.spec().path("selector")).toString();
      boolean exists = byKey.keySet().stream().anyMatch(k -> k.contains(selector));
      if (!selector.isEmpty() && !exists) {
        ctx.report(AnalysisMessage.of(Messages.REFERENCED_RESOURCE_NOT_FOUND, gw.ref(), "selector", selector)
            .at(Selector.of(gw.spec().path("selector")).firstLabelPath("spec.selector.")));
        continue;
      }
      for (JsonNode server : Json.list(gw.spec(), "servers")) {
        String port = String.valueOf(Json.number(server.path("port"), "number"));
        List<String> conflicts = new ArrayList<>();
        List<String> hosts = Json.strings(server, "hosts");
        for (Map.Entry<String, List<String>> e : byKey.getOrDefault(selector + "~" + port, Map.of()).entrySet()) {
          for (String h : hosts) {
            if (e.getValue().stream().anyMatch(o -> Hosts.matches(h, o)) && !gw.fullName().equals(e.getKey())) {
              conflicts.add(e.getKey());
            }
          }
        }
        if (!conflicts.isEmpty()) {
          ctx.report(Messages.CONFLICTING_GATEWAYS, gw, String.join(",", conflicts), selector, port,
              String.join(",", hosts));
        }
      }
    }
  }
}
