package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code webhook.Analyzer}: Istio injection webhooks (revisioned, or named {@code *istio.io}) that would both
 * match some combination of namespace and object injection labels (IST0139 for each), or that point at a
 * Service that does not exist (IST0139).
 */
public final class WebhookAnalyzer extends Base {
  public WebhookAnalyzer() {
    super("webhook.Analyzer", "Checks the validity of Istio webhooks", Kinds.MUTATING_WEBHOOK, Kinds.SERVICE);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    Map<String, List<JsonNode>> webhooks = new LinkedHashMap<>();
    Map<String, AnalysisResource> owners = new HashMap<>();
    TreeSet<String> revisions = new TreeSet<>();
    for (AnalysisResource r : ctx.resources(Kinds.MUTATING_WEBHOOK)) {
      List<JsonNode> hooks = Json.list(r.tree(), "webhooks");
      TreeSet<String> revs = revisions(r, hooks);
      if (revs.isEmpty() && hooks.stream().noneMatch(h -> Json.text(h, "name").endsWith("istio.io"))) {
        continue;
      }
      webhooks.put(r.fullName(), hooks);
      hooks.forEach(h -> owners.put(r.fullName() + "/" + Json.text(h, "name"), r));
      revisions.addAll(revs);
    }
    List<Map<String, String>> namespaceLabels = labelSets(Workloads.INJECTION_LABEL, "enabled", "disabled", revisions);
    List<Map<String, String>> objectLabels = labelSets(Workloads.SIDECAR_INJECT, "true", "false", revisions);
    for (Map<String, String> nl : namespaceLabels) {
      for (Map<String, String> ol : objectLabels) {
        TreeSet<String> matches = new TreeSet<>();
        webhooks.forEach((name, hooks) -> hooks.forEach(h -> {
          if (LabelSelectors.matches(h.get("namespaceSelector"), nl) && LabelSelectors.matches(h.get("objectSelector"), ol)) {
            matches.add(name + "/" + Json.text(h, "name"));
          }
        }));
        if (matches.size() > 1) {
          for (String match : matches) {
            List<String> others = new ArrayList<>(matches);
            others.remove(match);
            ctx.report(Messages.INVALID_WEBHOOK, owners.get(match),
                "Webhook overlaps with others: " + others.toString().replace(",", "") + ". This may cause injection to occur twice.");
          }
        }
      }
    }
    webhooks.forEach((name, hooks) -> hooks.forEach(h -> {
      JsonNode svc = h.path("clientConfig").path("service");
      if (svc.isMissingNode() || svc.isNull()) {
        return;
      }
      String ns = Json.text(svc, "namespace");
      String svcName = Json.text(svc, "name");
      if (!ctx.exists(Kinds.SERVICE, ns, svcName)) {
        ctx.report(Messages.INVALID_WEBHOOK, owners.get(name + "/" + Json.text(h, "name")),
            "Injector refers to a control plane service that does not exist: " + (ns.isEmpty() ? svcName : ns + "/" + svcName) + ".");
      }
    }));
  }

  private static TreeSet<String> revisions(AnalysisResource r, List<JsonNode> hooks) {
    TreeSet<String> revs = new TreeSet<>();
    if (r.labels().containsKey(Workloads.REVISION_LABEL)) {
      revs.add(r.labels().get(Workloads.REVISION_LABEL));
    }
    for (JsonNode h : hooks) {
      for (String sel : List.of("namespaceSelector", "objectSelector")) {
        JsonNode s = h.path(sel);
        String rev = Json.text(s.path("matchLabels"), Workloads.REVISION_LABEL);
        if (s.path("matchLabels").has(Workloads.REVISION_LABEL)) {
          revs.add(rev);
        }
        for (JsonNode e : Json.list(s, "matchExpressions")) {
          if (Json.text(e, "key").equals(Workloads.REVISION_LABEL)) {
            revs.addAll(Json.strings(e, "values"));
          }
        }
      }
    }
    return revs;
  }

  private static List<Map<String, String>> labelSets(String key, String on, String off, TreeSet<String> revisions) {
    List<Map<String, String>> base = List.of(Map.of(), Map.of(key, on), Map.of(key, off));
    List<Map<String, String>> out = new ArrayList<>(base);
    for (String rev : revisions) {
      for (Map<String, String> b : base) {
        Map<String, String> m = new HashMap<>(b);
        m.put(Workloads.REVISION_LABEL, rev);
        out.add(m);
      }
    }
    return out;
  }
}
