package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code meshnetworks.MeshNetworksAnalyzer}: {@code fromRegistry} names in the mesh networks that are neither a
 * built-in registry ({@code Mock}, {@code Kubernetes}, {@code External}, case-sensitive) nor a {@code data} key
 * of a multicluster Secret (IST0126).
 */
public final class MeshNetworksAnalyzer extends Base {
  public MeshNetworksAnalyzer() {
    super("meshnetworks.MeshNetworksAnalyzer", "Check the validity of MeshNetworks in the cluster",
        Kinds.MESH_NETWORKS, Kinds.SECRET);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    Set<String> registries = new HashSet<>(List.of("Mock", "Kubernetes", "External"));
    for (AnalysisResource s : ctx.resources(Kinds.SECRET)) {
      if ("true".equals(s.labels().get("istio/multiCluster"))) {
        s.tree().path("data").fieldNames().forEachRemaining(registries::add);
      }
    }
    for (Map.Entry<String, JsonNode> network : ctx.meshNetworks().path("networks").properties()) {
      List<JsonNode> endpoints = Json.list(network.getValue(), "endpoints");
      for (int j = 0; j < endpoints.size(); j++) {
        JsonNode registry = endpoints.get(j).path("fromRegistry");
        if (registry.isTextual() && !registries.contains(registry.asText())) {
          ctx.report(AnalysisMessage.of(Messages.UNKNOWN_MESH_NETWORKS_SERVICE_REGISTRY, ctx.meshNetworksRef(),
              registry.asText(), network.getKey()).at("networks." + network.getKey() + ".endpoints[" + j + "]"));
        }
      }
    }
  }
}
