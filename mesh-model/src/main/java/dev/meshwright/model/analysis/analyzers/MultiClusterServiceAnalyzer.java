package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code services.MultiClusterServiceAnalyzer}: a Service defined differently in different clusters: headless in
 * one and not another, another type, or other ports (IST0170). Services of no named cluster are ignored.
 */
public final class MultiClusterServiceAnalyzer extends Base {
  public MultiClusterServiceAnalyzer() {
    super("services.MultiClusterServiceAnalyzer", "Check the validity of services in the multi-cluster environment",
        Kinds.SERVICE);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    Map<String, Map<String, AnalysisResource>> services = new LinkedHashMap<>();
    for (AnalysisResource s : ctx.resources(Kinds.SERVICE)) {
      if (!s.cluster().isEmpty()) {
        services.computeIfAbsent(s.fullName(), k -> new LinkedHashMap<>()).put(s.cluster(), s);
      }
    }
    for (Map<String, AnalysisResource> byCluster : services.values()) {
      if (byCluster.size() < 2) {
        continue;
      }
      TreeSet<String> clusters = new TreeSet<>();
      TreeSet<String> reasons = new TreeSet<>();
      Map.Entry<String, AnalysisResource> first = byCluster.entrySet().iterator().next();
      JsonNode firstSpec = first.getValue().spec();
      boolean headlessAdded = false;
      for (Map.Entry<String, AnalysisResource> e : byCluster.entrySet()) {
        JsonNode spec = e.getValue().spec();
        if (!headlessAdded && headless(firstSpec) != headless(spec)) {
          headlessAdded = true;
          clusters.addAll(byCluster.keySet());
          reasons.add("service has mixed mode like headless and clusterIP");
        }
        if (!Json.text(firstSpec, "type").equals(Json.text(spec, "type"))) {
          clusters.add(e.getKey());
          reasons.add("service type is inconsistent");
        }
        if (!sortedPorts(firstSpec).equals(sortedPorts(spec))) {
          clusters.add(e.getKey());
          reasons.add("service ports are inconsistent");
        }
      }
      if (!clusters.isEmpty()) {
        clusters.add(first.getKey());
        AnalysisResource s = first.getValue();
        ctx.report(Messages.MULTI_CLUSTER_INCONSISTENT_SERVICE, s, s.name(), s.namespace(),
            new ArrayList<>(clusters), String.join("; ", reasons));
      }
    }
  }

  private static boolean headless(JsonNode spec) {
    return Json.text(spec, "clusterIP").equals("None");
  }

  private static List<JsonNode> sortedPorts(JsonNode spec) {
    List<JsonNode> ports = Json.list(spec, "ports");
    ports.sort(Comparator.comparing(p -> Json.text(p, "name")));
    return ports;
  }
}
