package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code auth.AuthorizationPoliciesAnalyzer}: policies whose selector (or, without one, whose namespace) matches
 * no in-mesh or ambient pod (IST0127; root-namespace policies look in every namespace), and
 * {@code from.source.(not)namespaces} entries that match no Namespace (IST0101).
 */
public final class AuthorizationPoliciesAnalyzer extends Base {
  public AuthorizationPoliciesAnalyzer() {
    super("auth.AuthorizationPoliciesAnalyzer", "Checks the validity of authorization policies",
        Kinds.MESH_CONFIG, Kinds.AUTHORIZATION_POLICY, Kinds.NAMESPACE, Kinds.POD);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    Map<String, List<Map<String, String>>> podLabels = new HashMap<>();
    for (AnalysisResource pod : ctx.resources(Kinds.POD)) {
      List<Map<String, String>> list = podLabels.computeIfAbsent(pod.namespace(), k -> new ArrayList<>());
      if (Workloads.podInMesh(ctx, pod)) {
        list.add(pod.labels());
      }
      if (Workloads.podInAmbient(pod)) {
        list.add(pod.labels());
      }
    }
    String rootNamespace = Json.text(ctx.meshConfigTree(), "rootNamespace");
    for (AnalysisResource ap : ctx.resources(Kinds.AUTHORIZATION_POLICY)) {
      noMatchingWorkloads(ctx, ap, podLabels, rootNamespace);
      namespacesNotFound(ctx, ap);
    }
  }

  private static void noMatchingWorkloads(AnalysisContext ctx, AnalysisResource ap,
      Map<String, List<Map<String, String>>> podLabels, String rootNamespace) {
    JsonNode selectorNode = ap.spec().path("selector");
    boolean hasSelector = !selectorNode.isMissingNode() && !selectorNode.isNull();
    Selector selector = Selector.of(selectorNode.path("matchLabels"));
    if (ap.namespace().equals(rootNamespace)) {
      if (hasSelector && podLabels.values().stream().noneMatch(l -> anyMatch(selector, l))) {
        ctx.report(Messages.NO_MATCHING_WORKLOADS_FOUND, ap, selector.toString());
      }
      return;
    }
    if (!hasSelector) {
      if (podLabels.getOrDefault(ap.namespace(), List.of()).isEmpty()) {
        ctx.report(Messages.NO_MATCHING_WORKLOADS_FOUND, ap, "");
      }
      return;
    }
    if (!anyMatch(selector, podLabels.getOrDefault(ap.namespace(), List.of()))) {
      ctx.report(Messages.NO_MATCHING_WORKLOADS_FOUND, ap, selector.toString());
    }
  }

  private static boolean anyMatch(Selector selector, List<Map<String, String>> labels) {
    return labels.stream().anyMatch(selector::matches);
  }

  private static void namespacesNotFound(AnalysisContext ctx, AnalysisResource ap) {
    List<JsonNode> rules = Json.list(ap.spec(), "rules");
    for (int i = 0; i < rules.size(); i++) {
      List<JsonNode> froms = Json.list(rules.get(i), "from");
      for (int j = 0; j < froms.size(); j++) {
        JsonNode source = froms.get(j).path("source");
        List<String> namespaces = Json.strings(source, "namespaces");
        List<String> all = new ArrayList<>(namespaces);
        all.addAll(Json.strings(source, "notNamespaces"));
        for (int k = 0; k < all.size(); k++) {
          String exp = all.get(k);
          if (ctx.resources(Kinds.NAMESPACE).stream().noneMatch(ns -> namespaceMatch(ns.fullName(), exp))) {
            int index = k >= namespaces.size() ? k - namespaces.size() : k;
            ctx.report(AnalysisMessage.of(Messages.REFERENCED_RESOURCE_NOT_FOUND, ap.ref(), "namespace", exp)
                .at("spec.rules[" + i + "].from[" + j + "].source.namespaces[" + index + "]"));
          }
        }
      }
    }
  }

  private static boolean namespaceMatch(String ns, String exp) {
    if (exp.equals("*")) {
      return true;
    }
    if (exp.startsWith("*")) {
      return ns.endsWith(exp.substring(1));
    }
    if (exp.endsWith("*")) {
      return ns.startsWith(exp.substring(0, exp.length() - 1));
    }
    return ns.toLowerCase(Locale.ROOT).equals(exp.toLowerCase(Locale.ROOT));
  }
}
