package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Analyzer;
import dev.meshwright.model.analysis.AnalyzerMetadata;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code gateway.IngressGatewayPortAnalyzer}: a Gateway whose selector matches no Pod (IST0101), or whose server
 * ports no TCP port of a Service selecting the gateway Pods exposes (IST0162).
 */
public final class IngressGatewayPortAnalyzer implements Analyzer {
  @Override
  public AnalyzerMetadata metadata() {
    return AnalyzerMetadata.of("gateway.IngressGatewayPortAnalyzer",
        "Checks a gateway's ports against the gateway's Kubernetes service ports",
        Kinds.GATEWAY, Kinds.POD, Kinds.SERVICE);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    for (AnalysisResource gw : ctx.resources(Kinds.GATEWAY)) {
      Selector selector = Selector.of(gw.spec().path("selector"));
      Set<Long> servicePorts = new HashSet<>();
      Map<Long, Long> portMapping = new HashMap<>();
      int matches = 0;
      for (AnalysisResource pod : ctx.selectedBy(Kinds.POD, selector.labels())) {
        matches++;
        for (AnalysisResource svc : ctx.resources(Kinds.SERVICE)) {
          if (!svc.namespace().equals(pod.namespace())
              || !Selector.of(svc.spec().path("selector")).matches(pod.labels())) {
            continue;
          }
          for (JsonNode port : Json.list(svc.spec(), "ports")) {
            if (!Json.text(port, "protocol").equals("TCP")) {
              continue;
            }
            long number = Json.number(port, "port");
            long target = port.path("targetPort").isInt() ? port.path("targetPort").asLong() : 0;
            if (target != 0) {
              servicePorts.add(target);
              portMapping.putIfAbsent(number, target);
            } else {
              servicePorts.add(number);
            }
          }
        }
      }
      if (matches == 0) {
        ctx.report(AnalysisMessage.of(Messages.REFERENCED_RESOURCE_NOT_FOUND, gw.ref(), "selector", selector.toString())
            .at(selector.firstLabelPath("spec.selector.")));
        continue;
      }
      for (JsonNode server : Json.list(gw.spec(), "servers")) {
        if (!server.has("port")) {
          continue;
        }
        long number = Json.number(server.path("port"), "number");
        if (!servicePorts.contains(number) && !portMapping.containsKey(number)) {
          ctx.report(AnalysisMessage.of(Messages.GATEWAY_PORT_NOT_DEFINED_ON_SERVICE, gw.ref(), number,
              selector.toString()).at(selector.firstLabelPath("spec.selector.")));
        }
      }
    }
  }
}
