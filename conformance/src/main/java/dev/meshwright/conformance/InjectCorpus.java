package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.GenericResource;
import dev.meshwright.api.yaml.Document;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import dev.meshwright.inject.InjectionDecision;
import dev.meshwright.inject.InjectionOptions;
import dev.meshwright.inject.InjectionPolicy;
import dev.meshwright.inject.PodView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code inject/} corpus (Istio's {@code TestInjection} cases), as far as Meshwright implements injection:
 * the policy. A case whose golden carries no {@code sidecar.istio.io/status} annotation expects kube-inject to
 * leave every workload alone; it passes when {@link InjectionPolicy} decides not to inject every pod of the
 * input (kube-inject's view: enabled policy, no selectors, no namespace object), the objects equal the golden's
 * (kube-inject writes them back unchanged; nulls and empty values are normalised away) and, when the case expects a
 * log line, one of kube-inject's skip warnings contains it. Every other case needs the sidecar mutation, which
 * is not implemented yet, and counts as failing. Stateless.
 */
final class InjectCorpus extends NamedCorpus {
  private static final String STATUS = "sidecar.istio.io/status";

  InjectCorpus(String name) {
    super(name);
  }

  @Override
  public CorpusResult run(Path dir) throws IOException {
    JsonNode root = caseTable(dir);
    JsonNode cases = root == null ? null : root.get("cases");
    if (cases == null || !cases.isArray()) {
      throw new IOException(dir.resolve(NotImplementedCorpus.CASES_FILE) + ": no 'cases' list");
    }
    int passed = 0;
    List<String> failing = new ArrayList<>();
    Map<String, String> reasons = new LinkedHashMap<>();
    for (JsonNode c : cases) {
      String caseName = c.path("name").asText("case " + c.path("index").asText());
      Optional<String> failure = check(dir.resolve("cases"), c);
      if (failure.isEmpty()) {
        passed++;
      } else {
        failing.add(caseName);
        reasons.put(caseName, failure.get());
      }
    }
    return CorpusResult.ran(name(), passed, cases.size(), failing, reasons);
  }

  /** Why the case fails, or empty when it passes. */
  private static Optional<String> check(Path casesDir, JsonNode c) throws IOException {
    String want = c.path("want").asText("");
    if (want.isEmpty() || !c.path("expectedError").asText("").isEmpty()) {
      return Optional.of("expects an injection error: traffic annotation checks of the mutation are not implemented");
    }
    if (c.path("skipInjection").asBoolean(false)) {
      return Optional.of("webhook-only case: sidecar mutation is not implemented");
    }
    if (Files.readString(casesDir.resolve(want)).contains(STATUS)) {
      return Optional.of("expects an injected sidecar: sidecar mutation is not implemented");
    }
    String in = c.path("in").asText("");
    ReadResult read = MeshYaml.read(in, Files.readString(casesDir.resolve(in)));
    List<String> errors = read.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList();
    if (!errors.isEmpty()) {
      return Optional.of("input not readable: " + String.join("|", errors));
    }
    List<String> warnings = new ArrayList<>();
    for (Document doc : read.documents()) {
      if (doc.resource() instanceof GenericResource g) {
        for (PodView pod : PodView.of(g)) {
          InjectionDecision d = InjectionPolicy.decide(pod, InjectionOptions.defaults());
          if (d.inject()) {
            return Optional.of(pod.kind() + " " + pod.fullName() + " would be injected: " + d.reason());
          }
          InjectionPolicy.kubeInjectWarning(pod).ifPresent(warnings::add);
        }
      }
    }
    String log = c.path("expectedLog").asText("");
    if (!log.isEmpty() && warnings.stream().noneMatch(w -> w.contains(log))) {
      return Optional.of("no warning contains '" + log + "'; got " + warnings);
    }
    // Not injecting means kube-inject writes the objects back unchanged: compare them with the golden.
    List<JsonNode> got = normalizedDocuments(Files.readString(casesDir.resolve(in)));
    List<JsonNode> golden = normalizedDocuments(Files.readString(casesDir.resolve(want)));
    if (!got.equals(golden)) {
      return Optional.of("output differs from the golden " + want);
    }
    return Optional.empty();
  }

  /**
   * The documents of a YAML text as trees, with what Go's serializer adds or drops on the way through left
   * out on both sides: nulls ({@code creationTimestamp: null}) and empty maps and lists ({@code strategy: {}}).
   */
  private static List<JsonNode> normalizedDocuments(String text) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> it =
        dev.meshwright.api.json.MeshJackson.yaml().readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNext()) {
        JsonNode n = prune(it.next());
        if (n != null) {
          out.add(n);
        }
      }
    }
    return out;
  }

  private static JsonNode prune(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        JsonNode v = prune(e.getValue());
        if (v != null) {
          copy.set(e.getKey(), v);
        }
      }
      return copy.isEmpty() ? null : copy;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      node.forEach(v -> {
        JsonNode pruned = prune(v);
        if (pruned != null) {
          copy.add(pruned);
        }
      });
      return copy.isEmpty() ? null : copy;
    }
    return node;
  }
}
