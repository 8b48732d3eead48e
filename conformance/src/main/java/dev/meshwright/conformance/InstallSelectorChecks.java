package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.install.render.ManifestYaml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The selector assertions of the install corpus: {@code referential_integrity}/{@code cross_revision}
 * (Deployment, Service, PDB and HPA of one workload select the same pods, and revisions do not select each
 * other's pods) and the injector webhook selection matrix of {@code webhook_selector} (for each namespace and
 * pod label set, at most one webhook matches, and it is the expected service's). Stateless.
 */
final class InstallSelectorChecks {
  private InstallSelectorChecks() {}

  /** Checks one {@code referential_integrity} entry against the objects of its run. */
  static String referentialIntegrity(JsonNode spec, List<ObjectNode> objects) {
    String name = spec.path("name").asText();
    Optional<ObjectNode> d = find(objects, "Deployment", name);
    Optional<ObjectNode> s = find(objects, "Service", name);
    Optional<ObjectNode> p = find(objects, "PodDisruptionBudget", name);
    Optional<ObjectNode> h = find(objects, "HorizontalPodAutoscaler", name);
    if (d.isEmpty() || s.isEmpty() || p.isEmpty() || h.isEmpty()) {
      return "workload " + name + " lacks a Deployment, Service, PDB or HPA";
    }
    JsonNode pod = d.get().at("/spec/template/metadata/labels");
    if (!matchLabels(d.get().at("/spec/selector/matchLabels"), pod)
        || !matchLabels(s.get().at("/spec/selector"), pod)
        || !matchLabels(p.get().at("/spec/selector/matchLabels"), pod)) {
      return name + ": a selector does not select the Deployment's pods";
    }
    if (!h.get().at("/spec/scaleTargetRef/name").asText().equals(name)) {
      return name + ": HPA targets " + h.get().at("/spec/scaleTargetRef/name").asText();
    }
    String sa = d.get().at("/spec/template/spec/serviceAccountName").asText();
    if (find(objects, "ServiceAccount", sa).isEmpty()) {
      return name + ": service account " + sa + " is not rendered";
    }
    JsonNode exact = spec.path("deployment_selector_exact");
    return exact.equals(d.get().at("/spec/selector/matchLabels")) ? ""
        : name + ": Deployment selector is " + d.get().at("/spec/selector/matchLabels") + ", expected " + exact;
  }

  /** Checks that the default and canary istiod select only their own pods. */
  static String crossRevision(List<ObjectNode> defaults, List<ObjectNode> canary) {
    Optional<ObjectNode> dd = find(defaults, "Deployment", "istiod");
    Optional<ObjectNode> cd = find(canary, "Deployment", "istiod-canary");
    if (dd.isEmpty() || cd.isEmpty()) {
      return "istiod or istiod-canary Deployment missing";
    }
    JsonNode defaultPods = dd.get().at("/spec/template/metadata/labels");
    JsonNode canaryPods = cd.get().at("/spec/template/metadata/labels");
    JsonNode istiodSelector = ManifestYaml.sorted(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
        .put("app", "istiod").put("istio", "pilot"));
    for (String kind : List.of("Service", "PodDisruptionBudget")) {
      String at = kind.equals("Service") ? "/spec/selector" : "/spec/selector/matchLabels";
      JsonNode canarySel = find(canary, kind, "istiod-canary").map(o -> o.at(at)).orElse(null);
      JsonNode defaultSel = find(defaults, kind, "istiod").map(o -> o.at(at)).orElse(null);
      if (canarySel == null || defaultSel == null) {
        return kind + " of a revision is missing";
      }
      if (matchLabels(canarySel, defaultPods) || matchLabels(defaultSel, canaryPods)) {
        return kind + " selects the other revision's pods";
      }
      if (!ManifestYaml.sorted(defaultSel).equals(istiodSelector) || ManifestYaml.sorted(canarySel).equals(istiodSelector)) {
        return kind + ": only the default revision selects {app: istiod, istio: pilot}";
      }
    }
    return find(canary, "HorizontalPodAutoscaler", "istiod-canary")
        .filter(h -> h.at("/spec/scaleTargetRef/name").asText().equals("istiod-canary")).isPresent()
        ? "" : "canary HPA does not target istiod-canary";
  }

  /**
   * Checks the webhook selection matrix; {@code source} renders a named webhook source (or returns its
   * literal) as a MutatingWebhookConfiguration, empty when it cannot.
   */
  static String webhookMatrix(JsonNode expect, Function<JsonNode, Optional<ObjectNode>> source) {
    Map<String, ObjectNode> configs = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : expect.path("webhook_sources").properties()) {
      Optional<ObjectNode> mwc = source.apply(e.getValue());
      if (mwc.isEmpty()) {
        return "webhook source " + e.getKey() + " did not render " + e.getValue().path("object").asText();
      }
      configs.put(e.getKey(), mwc.get());
    }
    JsonNode nsSets = expect.path("label_sets").path("namespace");
    JsonNode podSets = expect.path("label_sets").path("pod");
    for (JsonNode scenario : expect.path("scenarios")) {
      List<JsonNode> hooks = new ArrayList<>();
      scenario.path("webhooks").forEach(w -> configs.get(w.asText()).path("webhooks").forEach(hooks::add));
      Set<String> seen = new HashSet<>();
      for (JsonNode row : scenario.path("assertions")) {
        String key = row.path("namespace_labels").asText() + "/" + row.path("pod_labels").asText();
        if (!seen.add(key)) {
          continue;
        }
        String problem = check(scenario, hooks, nsSets.path(row.path("namespace_labels").asText()),
            podSets.path(row.path("pod_labels").asText()), row.path("expected_service"), key);
        if (!problem.isEmpty()) {
          return problem;
        }
      }
      for (Map.Entry<String, JsonNode> ns : nsSets.properties()) {
        for (Map.Entry<String, JsonNode> pod : podSets.properties()) {
          boolean disabled = ns.getValue().path("istio-injection").asText().equals("disabled")
              || pod.getValue().path("sidecar.istio.io/inject").asText().equals("false");
          String problem = check(scenario, hooks, ns.getValue(), pod.getValue(),
              disabled ? com.fasterxml.jackson.databind.node.NullNode.instance : null, ns.getKey() + "/" + pod.getKey());
          if (!problem.isEmpty()) {
            return problem;
          }
        }
      }
    }
    return "";
  }

  /** One matrix cell; {@code expected} null: only "at most one match" is checked. */
  private static String check(JsonNode scenario, List<JsonNode> hooks, JsonNode nsLabels, JsonNode podLabels,
      JsonNode expected, String cell) {
    List<String> matched = new ArrayList<>();
    for (JsonNode h : hooks) {
      if (selects(h.path("namespaceSelector"), nsLabels) && selects(h.path("objectSelector"), podLabels)) {
        matched.add(h.at("/clientConfig/service/name").asText(h.at("/clientConfig/url").asText()));
      }
    }
    String where = scenario.path("name").asText() + " " + cell;
    if (matched.size() > 1) {
      return where + ": " + matched.size() + " webhooks match " + matched;
    }
    if (expected == null) {
      return "";
    }
    String want = expected.isNull() ? "" : expected.asText();
    String got = matched.isEmpty() ? "" : matched.get(0);
    return want.equals(got) ? "" : where + ": injected by '" + got + "', expected '" + want + "'";
  }

  /** A Kubernetes label selector ({@code matchLabels} and {@code matchExpressions}); missing selects all. */
  static boolean selects(JsonNode selector, JsonNode labels) {
    if (selector == null || selector.isMissingNode() || selector.isNull()) {
      return true;
    }
    if (!matchLabels(selector.path("matchLabels"), labels)) {
      return false;
    }
    for (JsonNode e : selector.path("matchExpressions")) {
      String key = e.path("key").asText();
      boolean has = labels.has(key);
      Set<String> values = new HashSet<>();
      e.path("values").forEach(v -> values.add(v.asText()));
      boolean ok = switch (e.path("operator").asText()) {
        case "In" -> has && values.contains(labels.get(key).asText());
        case "NotIn" -> !has || !values.contains(labels.get(key).asText());
        case "Exists" -> has;
        case "DoesNotExist" -> !has;
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchLabels(JsonNode wanted, JsonNode labels) {
    for (Map.Entry<String, JsonNode> w : wanted.properties()) {
      if (!labels.path(w.getKey()).asText("\0").equals(w.getValue().asText())) {
        return false;
      }
    }
    return true;
  }

  private static Optional<ObjectNode> find(List<ObjectNode> objects, String kind, String name) {
    return objects.stream().filter(o -> o.path("kind").asText().equals(kind)
        && o.path("metadata").path("name").asText().equals(name)).findFirst();
  }

  /** The objects of a meshctl run, or empty when its output is not YAML. */
  static Optional<List<ObjectNode>> objects(InstallCorpus.Run run) {
    try {
      return Optional.of(ManifestYaml.read(run.out()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
