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
 * {@code virtualservice.DestinationHostAnalyzer}: route and mirror hosts that resolve to no Service or
 * ServiceEntry (IST0101), to a port they do not have (IST0101 {@code host:port}), or to several ports with no
 * port chosen (IST0112); and, for gateway-bound VirtualServices, subset-less routes to a host another
 * VirtualService splits by subset (IST0140).
 */
public final class DestinationHostAnalyzer extends Base {
  public DestinationHostAnalyzer() {
    super("virtualservice.DestinationHostAnalyzer",
        "Checks the destination hosts associated with each virtual service",
        Kinds.SERVICE_ENTRY, Kinds.VIRTUAL_SERVICE, Kinds.SERVICE);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    ServiceLookup lookup = ServiceLookup.of(ctx);
    Map<String, List<JsonNode>> subsetDestinations = subsetDestinations(ctx);
    for (AnalysisResource r : ctx.resources(Kinds.VIRTUAL_SERVICE)) {
      List<String> exportTo = Json.strings(r.spec(), "exportTo");
      for (Destinations.Annotated d : Destinations.routes(r.spec())) {
        check(ctx, r, d, lookup.find(r.namespace(), exportTo, d.host()), "host");
      }
      for (Destinations.Annotated d : Destinations.mirrors(r.spec())) {
        check(ctx, r, d, lookup.find(r.namespace(), exportTo, d.host()), "mirror host");
      }
      analyzeSubsets(ctx, r, subsetDestinations);
    }
  }

  private static void check(AnalysisContext ctx, AnalysisResource r, Destinations.Annotated d,
      ServiceLookup.Target target, String refType) {
    if (target == null) {
      ctx.report(AnalysisMessage.of(Messages.REFERENCED_RESOURCE_NOT_FOUND, r.ref(), refType, d.host()).at(d.path()));
      return;
    }
    JsonNode port = d.destination().path("port");
    if (port.isMissingNode() || port.isNull()) {
      if (target.ports().size() > 1) {
        List<Long> numbers = new ArrayList<>(target.ports());
        ctx.report(AnalysisMessage.of(Messages.VIRTUAL_SERVICE_DESTINATION_PORT_SELECTOR_REQUIRED, r.ref(),
            d.host(), numbers).at(d.path()));
      }
      return;
    }
    long number = Json.number(port, "number");
    if (!target.ports().contains(number)) {
      ctx.report(AnalysisMessage.of(Messages.REFERENCED_RESOURCE_NOT_FOUND, r.ref(), "host:port",
          d.host() + ":" + number).at(d.path()));
    }
  }

  private static Map<String, List<JsonNode>> subsetDestinations(AnalysisContext ctx) {
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    for (AnalysisResource r : ctx.resources(Kinds.VIRTUAL_SERVICE)) {
      List<String> hosts = Json.strings(r.spec(), "hosts");
      for (JsonNode http : Json.list(r.spec(), "http")) {
        for (JsonNode route : Json.list(http, "route")) {
          JsonNode dest = route.path("destination");
          if (!Json.text(dest, "subset").isEmpty()) {
            for (String h : hosts) {
              if (Json.text(dest, "host").equals(h)) {
                out.computeIfAbsent(r.fullName(), k -> new ArrayList<>()).add(dest);
              }
            }
          }
        }
      }
    }
    return out;
  }

  private static void analyzeSubsets(AnalysisContext ctx, AnalysisResource r, Map<String, List<JsonNode>> byVs) {
    if (Json.strings(r.spec(), "gateways").isEmpty()) {
      return;
    }
    List<JsonNode> http = Json.list(r.spec(), "http");
    for (int i = 0; i < http.size(); i++) {
      List<JsonNode> routes = Json.list(http.get(i), "route");
      for (int j = 0; j < routes.size(); j++) {
        JsonNode dest = routes.get(j).path("destination");
        if (!Json.text(dest, "subset").isEmpty()) {
          continue;
        }
        for (Map.Entry<String, List<JsonNode>> e : byVs.entrySet()) {
          for (JsonNode other : e.getValue()) {
            if (Json.text(other, "host").equals(Json.text(dest, "host"))) {
              ctx.report(AnalysisMessage.of(Messages.INGRESS_ROUTE_RULES_NOT_AFFECTED, r.ref(), e.getKey(),
                  r.fullName()).at("spec." + Json.text(http.get(i), "name") + "[" + i + "].route[" + j + "].destination.host"));
            }
          }
        }
      }
    }
  }
}
