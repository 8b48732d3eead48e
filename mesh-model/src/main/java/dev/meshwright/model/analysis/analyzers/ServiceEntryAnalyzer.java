package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.List;

/**
 * {@code serviceentry.Analyzer}: ServiceEntries without addresses that have TCP or protocol-less ports, unless
 * the mesh config's proxy metadata turns on both DNS capture and address auto-allocation (IST0134, per port).
 */
public final class ServiceEntryAnalyzer extends Base {
  public ServiceEntryAnalyzer() {
    super("serviceentry.Analyzer", "Checks the validity of ServiceEntry", Kinds.SERVICE_ENTRY, Kinds.MESH_CONFIG);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    JsonNode metadata = ctx.meshConfigTree().path("defaultConfig").path("proxyMetadata");
    boolean autoAllocated = "true".equals(Json.text(metadata, "ISTIO_META_DNS_CAPTURE"))
        && "true".equals(Json.text(metadata, "ISTIO_META_DNS_AUTO_ALLOCATE"));
    if (autoAllocated) {
      return;
    }
    for (AnalysisResource se : ctx.resources(Kinds.SERVICE_ENTRY)) {
      if (!Json.list(se.spec(), "addresses").isEmpty()) {
        continue;
      }
      List<JsonNode> ports = Json.list(se.spec(), "ports");
      for (int i = 0; i < ports.size(); i++) {
        String protocol = Json.text(ports.get(i), "protocol");
        if (protocol.isEmpty() || protocol.equals("TCP")) {
          ctx.report(AnalysisMessage.of(Messages.SERVICE_ENTRY_ADDRESSES_REQUIRED, se.ref()).at("spec.ports[" + i + "].name"));
        }
      }
    }
  }
}
