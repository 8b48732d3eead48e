package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.install.Diagnostic;
import dev.meshwright.install.render.ChartRenderer;
import dev.meshwright.install.render.HelmChart;
import dev.meshwright.install.render.ManifestObject;
import dev.meshwright.install.render.ManifestRenderer;
import dev.meshwright.install.render.ManifestYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code helm/} corpus: {@code helm template} of Istio's published 1.22.8 charts. Each case's chart,
 * release, namespace and {@code --set} flags go through {@link ChartRenderer}; the result is compared with
 * the golden as its {@code cases.yaml} says: the object set by kind, namespace and name, then each object as
 * a parsed tree (map key order ignored, list order kept, ConfigMap data values that hold YAML or JSON
 * documents compared parsed).
 *
 * <p>One documented omission (see {@code conformance/README.md}): the Go-template bodies of the injection
 * templates Istio ships inside the injector ConfigMap ({@link #BUILT_IN_TEMPLATES}) are removed from both
 * sides, because Meshwright may not copy Istio's templates and injects from code. Stateless.
 */
final class HelmCorpus extends NamedCorpus {
  /** The injection templates the istiod chart embeds from its {@code files/}; their bodies are not compared. */
  static final Set<String> BUILT_IN_TEMPLATES =
      Set.of("sidecar", "gateway", "grpc-simple", "grpc-agent", "waypoint", "kube-gateway");

  HelmCorpus(String name) {
    super(name);
  }

  @Override
  public CorpusResult run(Path dir) throws IOException {
    List<JsonNode> cases = new ArrayList<>();
    cases(dir).forEach(cases::add);
    return tally(name(), cases, c -> c.path("name").asText(), c -> check(dir, c));
  }

  /** Why one case fails, or empty. */
  static Optional<String> check(Path dir, JsonNode c) throws IOException {
    Optional<HelmChart> chart = HelmChart.named(c.path("chart").asText());
    if (chart.isEmpty()) {
      return Optional.of("unknown chart " + c.path("chart").asText());
    }
    ObjectNode values = JsonNodeFactory.instance.objectNode();
    for (JsonNode s : c.path("set")) {
      Optional<Diagnostic> problem = ChartRenderer.set(values, s.asText());
      if (problem.isPresent()) {
        return Optional.of("bad --set " + s.asText() + ": " + problem.get());
      }
    }
    ManifestRenderer.Rendering r = ChartRenderer.render(chart.get(), values, c.path("namespace").asText(),
        c.path("release").asText());
    if (r.manifest().isEmpty()) {
      return Optional.of("render failed: " + r.diagnostics());
    }
    List<JsonNode> got = new ArrayList<>();
    for (ManifestObject o : r.manifest().get().objects()) {
      got.add(normalise(o.content()));
    }
    List<JsonNode> want = new ArrayList<>();
    for (ObjectNode o : ManifestYaml.read(Files.readString(dir.resolve(c.path("golden").asText())))) {
      want.add(normalise(o));
    }
    return compare(want, got);
  }

  /** Empty when both sides hold the same objects with equal trees, else the first difference. */
  static Optional<String> compare(List<JsonNode> want, List<JsonNode> got) {
    Map<String, JsonNode> w = index(want);
    Map<String, JsonNode> g = index(got);
    if (!w.keySet().equals(g.keySet())) {
      List<String> extra = g.keySet().stream().filter(k -> !w.containsKey(k)).toList();
      List<String> missing = w.keySet().stream().filter(k -> !g.containsKey(k)).toList();
      return Optional.of("object set differs: extra " + extra + ", missing " + missing);
    }
    for (Map.Entry<String, JsonNode> e : w.entrySet()) {
      String d = JsonTrees.firstDifference(List.of(e.getValue()), List.of(g.get(e.getKey())));
      if (!d.isEmpty()) {
        return Optional.of(e.getKey() + ": " + d);
      }
    }
    return Optional.empty();
  }

  private static Map<String, JsonNode> index(List<JsonNode> objects) {
    Map<String, JsonNode> m = new TreeMap<>();
    for (JsonNode o : objects) {
      m.put(o.path("kind").asText() + ":" + o.path("metadata").path("namespace").asText() + ":"
          + o.path("metadata").path("name").asText(), o);
    }
    return m;
  }

  /**
   * A copy with ConfigMap data documents parsed, built-in injection template bodies left out, integral numbers
   * of one type, and YAML's empty value ({@code key:}, which the YAML reader gives as an empty string) as null.
   */
  static JsonNode normalise(JsonNode object) {
    ObjectNode o = (ObjectNode) scalars(object);
    if (o.path("kind").asText().equals("ConfigMap") && o.get("data") instanceof ObjectNode data) {
      for (Map.Entry<String, JsonNode> e : data.properties()) {
        parsed(e.getValue().asText()).ifPresent(e::setValue);
      }
      if (data.path("config").path("templates") instanceof ObjectNode templates) {
        templates.remove(BUILT_IN_TEMPLATES);
      }
    }
    return scalars(o);
  }

  private static JsonNode scalars(JsonNode n) {
    if (n instanceof ObjectNode o) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      o.properties().forEach(e -> copy.set(e.getKey(), scalars(e.getValue())));
      return copy;
    }
    if (n instanceof ArrayNode a) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      a.forEach(v -> copy.add(scalars(v)));
      return copy;
    }
    if (n.isIntegralNumber()) {
      return JsonNodeFactory.instance.numberNode(n.longValue());
    }
    if (n.isTextual() && n.textValue().isEmpty()) {
      return JsonNodeFactory.instance.nullNode();
    }
    return n;
  }

  /** The value as a parsed YAML or JSON document when it is a map or list, else empty. */
  private static Optional<JsonNode> parsed(String text) {
    try {
      JsonNode n = YAML.readTree(text);
      return n != null && n.isContainerNode() ? Optional.of(n) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
