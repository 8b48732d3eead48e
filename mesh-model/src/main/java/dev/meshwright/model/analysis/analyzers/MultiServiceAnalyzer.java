package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code deployment.MultiServiceAnalyzer}: an in-mesh Deployment selected by several Services that use one port
 * with different protocols (IST0116), or that map different ports to one target port (IST0137).
 */
public final class MultiServiceAnalyzer extends Base {
  public MultiServiceAnalyzer() {
    super("deployment.MultiServiceAnalyzer", "Checks association between services and pods",
        Kinds.SERVICE, Kinds.DEPLOYMENT, Kinds.NAMESPACE);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    for (AnalysisResource d : ctx.resources(Kinds.DEPLOYMENT)) {
      if ("istio.io-mesh-controller".equals(d.labels().get(Workloads.MANAGED_GATEWAY_LABEL))
          || !Workloads.deploymentInMesh(ctx, d)) {
        continue;
      }
      List<AnalysisResource> services = matching(ctx, d);
      Map<Long, Map<String, List<String>>> ports = new TreeMap<>();
      Map<String, Map<Long, String>> targets = new TreeMap<>();
      for (AnalysisResource s : services) {
        for (JsonNode p : Json.list(s.spec(), "ports")) {
          long port = Json.number(p, "port");
          String protocol = Json.text(p, "protocol");
          ports.computeIfAbsent(port, k -> new TreeMap<>())
              .computeIfAbsent(protocol.isEmpty() ? "TCP" : protocol, k -> new ArrayList<>()).add(s.fullName());
          JsonNode t = p.path("targetPort");
          String target = t.isMissingNode() || t.isNull() ? "" : t.asText();
          if (target.isEmpty() || target.equals("0")) {
            target = String.valueOf(port);
          }
          targets.computeIfAbsent(target, k -> new TreeMap<>()).put(port, s.fullName());
        }
      }
      for (Map.Entry<Long, Map<String, List<String>>> e : ports.entrySet()) {
        if (e.getValue().size() > 1) {
          List<String> names = new ArrayList<>();
          e.getValue().values().forEach(names::addAll);
          ctx.report(Messages.DEPLOYMENT_ASSOCIATED_TO_MULTIPLE_SERVICES, d, d.name(), e.getKey(), names);
        }
      }
      for (Map.Entry<String, Map<Long, String>> e : targets.entrySet()) {
        if (e.getValue().size() > 1) {
          ctx.report(Messages.DEPLOYMENT_CONFLICTING_PORTS, d, d.name(), new ArrayList<>(e.getValue().values()),
              e.getKey(), new ArrayList<>(e.getValue().keySet()));
        }
      }
    }
  }

  private static List<AnalysisResource> matching(AnalysisContext ctx, AnalysisResource d) {
    Map<String, String> podLabels = Json.stringMap(d.spec().path("template").path("metadata").path("labels"));
    List<AnalysisResource> out = new ArrayList<>();
    for (AnalysisResource s : ctx.resources(Kinds.SERVICE)) {
      Selector sel = Selector.of(s.spec().path("selector"));
      if (!sel.isEmpty() && sel.matches(podLabels) && s.namespace().equals(d.namespace())) {
        out.add(s);
      }
    }
    return out;
  }
}
