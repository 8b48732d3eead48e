package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.validation.Checks;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code envoyfilter.EnvoyPatchAnalyzer}: relative patch operations without a priority (IST0151, or IST0155 when
 * an earlier patch of the same filter name matched a proxy version), REPLACE outside HTTP/network filters
 * (IST0152), and ADD/REMOVE on route configurations or HTTP routes (IST0153/IST0154). Filter names with a
 * proxy-version match carry over from one EnvoyFilter to the next in namespace/name order, as in Istio.
 */
public final class EnvoyPatchAnalyzer extends Base {
  private static final Set<String> ROUTE_TARGETS = Set.of("ROUTE_CONFIGURATION", "HTTP_ROUTE");

  public EnvoyPatchAnalyzer() {
    super("envoyfilter.EnvoyPatchAnalyzer", "Checks an envoyFilters ", Kinds.ENVOY_FILTER);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    List<String> versioned = new ArrayList<>();
    for (AnalysisResource r : ctx.resources(Kinds.ENVOY_FILTER)) {
      long priority = Json.number(r.spec(), "priority");
      List<JsonNode> patches = Json.list(r.spec(), "configPatches");
      for (int i = 0; i < patches.size(); i++) {
        JsonNode cp = patches.get(i);
        JsonNode patch = cp.path("patch");
        if (patch.isMissingNode() || patch.isNull()) {
          break;
        }
        String instance = instanceName(cp);
        String op = Json.text(patch, "operation");
        String applyTo = Json.text(cp, "applyTo");
        String path = "spec.configPatches[" + i + "].patch.value";
        switch (op) {
          case "ADD" -> {
            if (ROUTE_TARGETS.contains(applyTo)) {
              ctx.report(AnalysisMessage.of(Messages.ENVOY_FILTER_USES_ADD_OPERATION_INCORRECTLY, r.ref()).at(path));
            }
          }
          case "REMOVE" -> {
            if (ROUTE_TARGETS.contains(applyTo)) {
              ctx.report(AnalysisMessage.of(Messages.ENVOY_FILTER_USES_REMOVE_OPERATION_INCORRECTLY, r.ref()).at(path));
            } else {
              relative(ctx, r, path, priority, versioned, instance);
            }
          }
          case "REPLACE" -> {
            if (!applyTo.equals("NETWORK_FILTER") && !applyTo.equals("HTTP_FILTER")) {
              ctx.report(AnalysisMessage.of(Messages.ENVOY_FILTER_USES_REPLACE_OPERATION_INCORRECTLY, r.ref()).at(path));
            } else {
              relative(ctx, r, path, priority, versioned, instance);
            }
          }
          case "INSERT_BEFORE", "INSERT_AFTER" -> relative(ctx, r, path, priority, versioned, instance);
          default -> { }
        }
        if (!Json.text(cp.path("match").path("proxy"), "proxyVersion").isEmpty()) {
          versioned.add(instance);
        }
      }
    }
  }

  private static void relative(AnalysisContext ctx, AnalysisResource r, String path, long priority,
      List<String> versioned, String instance) {
    if (priority != 0) {
      return;
    }
    ctx.report(AnalysisMessage.of(versioned.contains(instance)
        ? Messages.ENVOY_FILTER_USES_RELATIVE_OPERATION_WITH_PROXY_VERSION
        : Messages.ENVOY_FILTER_USES_RELATIVE_OPERATION, r.ref()).at(path));
  }

  /**
   * The filter name a patch is about: its value's {@code name} (printed as Go prints a protobuf Value), else the
   * listener filter-chain filter it matches, when the patch has a value.
   */
  private static String instanceName(JsonNode cp) {
    JsonNode value = cp.path("patch").path("value");
    if (!value.isObject()) {
      return "";
    }
    JsonNode name = value.get("name");
    if (name != null) {
      // Istio keys these by the protobuf Value's text form, so they never equal a bare filter-chain name.
      return name.isTextual() ? "string_value:" + Checks.quote(name.asText()) : name.toString();
    }
    return Json.text(cp.path("match").path("listener").path("filterChain").path("filter"), "name");
  }
}
