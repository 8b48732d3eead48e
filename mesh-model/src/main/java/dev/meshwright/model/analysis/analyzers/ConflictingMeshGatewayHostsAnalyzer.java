package dev.meshwright.model.analysis.analyzers;

import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code virtualservice.ConflictingMeshGatewayHostsAnalyzer}: several mesh-bound VirtualServices claiming the same
 * host within overlapping exportTo scopes (IST0109, once per VirtualService).
 */
public final class ConflictingMeshGatewayHostsAnalyzer extends Base {
  public ConflictingMeshGatewayHostsAnalyzer() {
    super("virtualservice.ConflictingMeshGatewayHostsAnalyzer",
        "Checks if multiple virtual services associated with the mesh gateway have conflicting hosts",
        Kinds.VIRTUAL_SERVICE);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    Map<String, List<AnalysisResource>> hosts = new LinkedHashMap<>();
    for (AnalysisResource vs : ctx.resources(Kinds.VIRTUAL_SERVICE)) {
      List<String> gateways = Json.strings(vs.spec(), "gateways");
      if (!gateways.isEmpty() && !gateways.contains("mesh")) {
        continue;
      }
      List<String> exportTo = Json.strings(vs.spec(), "exportTo");
      Set<String> scopes = new LinkedHashSet<>();
      if (exportTo.isEmpty() || exportTo.contains("*")) {
        scopes.add("*");
      } else {
        exportTo.forEach(e -> scopes.add(e.equals(".") ? vs.namespace() : e));
      }
      for (String scope : scopes) {
        for (String h : Json.strings(vs.spec(), "hosts")) {
          hosts.computeIfAbsent(scope + "/" + Hosts.toFqdn(vs.namespace(), h), k -> new ArrayList<>()).add(vs);
        }
      }
    }
    Set<String> reported = new HashSet<>();
    for (Map.Entry<String, List<AnalysisResource>> e : hosts.entrySet()) {
      String scoped = e.getKey();
      int slash = scoped.indexOf('/');
      List<AnalysisResource> list = new ArrayList<>(e.getValue());
      if (!scoped.substring(0, slash).equals("*")) {
        String host = scoped.substring(slash + 1);
        for (Map.Entry<String, List<AnalysisResource>> o : hosts.entrySet()) {
          int s = o.getKey().indexOf('/');
          if (o.getKey().substring(0, s).equals("*") && Hosts.matches(host, o.getKey().substring(s + 1))) {
            list.addAll(o.getValue());
          }
        }
      }
      if (list.size() > 1) {
        String names = list.stream().map(AnalysisResource::fullName).collect(Collectors.joining(","));
        for (AnalysisResource vs : list) {
          if (reported.add(vs.fullName())) {
            ctx.report(Messages.CONFLICTING_MESH_GATEWAY_VIRTUAL_SERVICE_HOSTS, vs, names, scoped);
          }
        }
      }
    }
  }
}
