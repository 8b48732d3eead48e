package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.IstioResource;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import dev.meshwright.model.gateway.GatewayApiReader;
import dev.meshwright.model.gateway.GatewayApiResult;
import dev.meshwright.model.gateway.GatewayApiTranslator;
import dev.meshwright.model.gateway.ObjectStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code gateway-api/} corpus (Istio's {@code TestConvertResources}): each input is read with the
 * fixture of {@code cases.yaml}, converted by {@link GatewayApiTranslator}, and compared with
 * {@code <case>.yaml.golden} as an ordered list of objects (Gateways in generation order, then
 * VirtualServices by {@code namespace/name}); nulls and empty values are normalised away on both sides.
 * A second line, {@code gateway-api-status}, compares the status of every input object with
 * {@code <case>.status.yaml.golden} by kind, namespace, name and status (condition order kept, times
 * blanked, GatewayClass supported features replaced as upstream does). Stateless.
 */
final class GatewayApiCorpus extends NamedCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  GatewayApiCorpus(String name) {
    super(name);
  }

  @Override
  public CorpusResult run(Path dir) throws IOException {
    JsonNode cases = cases(dir);
    JsonNode shared = caseTable(dir).path("fixtures");
    int passed = 0;
    int statusPassed = 0;
    List<String> failing = new ArrayList<>();
    List<String> statusFailing = new ArrayList<>();
    Map<String, String> reasons = new LinkedHashMap<>();
    Map<String, String> statusReasons = new LinkedHashMap<>();
    for (JsonNode c : cases) {
      String name = c.path("name").asText();
      Outcome o = check(dir, GatewayApiFixture.read(caseFixtures(shared, c)), c);
      if (o.config.isEmpty()) {
        passed++;
      } else {
        failing.add(name);
        reasons.put(name, o.config);
      }
      if (o.status.isEmpty()) {
        statusPassed++;
      } else {
        statusFailing.add(name);
        statusReasons.put(name, o.status);
      }
    }
    return CorpusResult.ran(name(), passed, cases.size(), failing, reasons)
        .withExtraLines(List.of(CorpusResult.ran(name() + "-status", statusPassed, cases.size(), statusFailing, statusReasons)));
  }

  /** The corpus-wide {@code fixtures} with a case's own {@code fixtures} laid over them, key by key. */
  private static JsonNode caseFixtures(JsonNode shared, JsonNode c) {
    ObjectNode merged = shared instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
    if (c.get("fixtures") instanceof ObjectNode own) {
      merged.setAll(own);
    }
    return merged;
  }

  /** Why the config and the status comparison failed (empty when they pass). */
  private record Outcome(String config, String status) {}

  private static Outcome check(Path dir, GatewayApiFixture fixture, JsonNode c) throws IOException {
    String input = c.path("inputs").path(0).path("file").asText();
    GatewayApiReader reader = new GatewayApiReader().add(input, Files.readString(dir.resolve(input)));
    if (!reader.diagnostics().isEmpty()) {
      String why = "input not readable: " + String.join("|", reader.diagnostics().stream().map(Diagnostic::format).toList());
      return new Outcome(why, why);
    }
    GatewayApiResult result = new GatewayApiTranslator(fixture.environment(reader.namespaces())).translate(reader.resources());
    String config = compareConfig(dir.resolve(c.path("golden_roles").path("config").asText()), result);
    String status = compareStatus(dir.resolve(c.path("golden_roles").path("status").asText()), result);
    return new Outcome(config, status);
  }

  private static String compareConfig(Path golden, GatewayApiResult result) throws IOException {
    ReadResult read = MeshYaml.read(golden.getFileName().toString(), Files.readString(golden));
    if (read.hasErrors()) {
      return "golden not readable: " + read.diagnostics().get(0).format();
    }
    List<JsonNode> want = new ArrayList<>();
    for (MeshResource r : read.resources()) {
      want.add(JsonTrees.prune(MeshYaml.standard().toTree(r)));
    }
    List<JsonNode> got = new ArrayList<>();
    for (IstioResource<?> r : result.config()) {
      got.add(JsonTrees.prune(MeshYaml.standard().toTree(r)));
    }
    return JsonTrees.firstDifference(want, got);
  }

  private static String compareStatus(Path golden, GatewayApiResult result) throws IOException {
    List<JsonNode> want = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(Files.readString(golden))) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          want.add(JsonTrees.prune(statusDoc(doc.path("kind").asText(), doc.path("metadata").path("namespace").asText(),
              doc.path("metadata").path("name").asText(), doc.path("status"))));
        }
      }
    }
    List<JsonNode> got = new ArrayList<>();
    for (ObjectStatus s : result.statuses()) {
      JsonNode status = JSON.valueToTree(s.status());
      JsonTrees.blank(status, "lastTransitionTime", "fake");
      if (s.kind().equals("GatewayClass") && status instanceof ObjectNode o) {
        ArrayNode features = o.putArray("supportedFeatures");
        features.add("HTTPRouteFeatureA").add("HTTPRouteFeatureB");
      }
      got.add(JsonTrees.prune(statusDoc(s.kind(), s.namespace(), s.name(), status)));
    }
    return JsonTrees.firstDifference(want, got);
  }

  private static JsonNode statusDoc(String kind, String namespace, String name, JsonNode status) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("kind", kind);
    doc.put("namespace", namespace);
    doc.put("name", name);
    doc.set("status", status == null || status.isMissingNode() ? null : status.deepCopy());
    return doc;
  }
}
