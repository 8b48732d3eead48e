package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.GenericResource;
import dev.meshwright.api.IstioResource;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshConfigYaml;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import dev.meshwright.model.ingress.IngressConversion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An xds-misc {@code ingress/*} case (istiod's {@code TestGoldenConversion}): every Ingress of the inputs, in input
 * order, is converted by {@link IngressConversion} with the case's {@code domain_suffix}, the default mesh config
 * (or the case's {@code mesh_config} mapping) and the case's {@code kubernetes_services} for named ports
 * ({@code name}, {@code namespace}, {@code ports: [{name, port}]}); the output must equal the golden as an ordered
 * list of documents, empty values ignored. Stateless.
 */
final class IngressCase {
  private IngressCase() {}

  static Optional<String> check(Path dir, JsonNode c) throws IOException {
    List<GenericResource> ingresses = new ArrayList<>();
    for (JsonNode in : c.path("inputs")) {
      String file = in.path("file").asText();
      ReadResult read = MeshYaml.read(file, Files.readString(dir.resolve(file)));
      if (read.hasErrors()) {
        return Optional.of("input not readable: " + read.diagnostics().get(0).format());
      }
      for (MeshResource r : read.resources()) {
        if (r instanceof GenericResource g && g.kind().equals("Ingress")) {
          ingresses.add(g);
        }
      }
    }
    MeshConfigs.Result mesh = c.path("mesh_config").isObject()
        ? MeshConfigYaml.load("mesh_config", NamedCorpus.YAML.writeValueAsString(c.path("mesh_config")))
        : MeshConfigYaml.load("mesh_config", "");
    if (mesh.meshConfig().isEmpty()) {
      return Optional.of("mesh config not readable: " + mesh.diagnostics());
    }
    MeshConfig meshConfig = mesh.meshConfig().get();
    IngressConversion.Result result = IngressConversion.convert(ingresses, meshConfig,
        c.path("domain_suffix").asText(XdsFixtures.CLUSTER_LOCAL), ports(c.path("kubernetes_services")));
    List<JsonNode> want = new ArrayList<>();
    for (JsonNode g : c.path("goldens")) {
      String file = g.path("file").asText();
      ReadResult read = MeshYaml.read(file, Files.readString(dir.resolve(file)));
      if (read.hasErrors()) {
        return Optional.of("golden not readable: " + read.diagnostics().get(0).format());
      }
      read.resources().forEach(r -> want.add(JsonTrees.prune(MeshYaml.standard().toTree(r))));
    }
    List<JsonNode> got = new ArrayList<>();
    for (IstioResource<?> r : result.config()) {
      got.add(JsonTrees.prune(MeshYaml.standard().toTree(r)));
    }
    String diff = JsonTrees.firstDifference(want, got);
    return diff.isEmpty() ? Optional.empty() : Optional.of(diff);
  }

  private static IngressConversion.ServicePorts ports(JsonNode services) {
    Map<String, Integer> byKey = new HashMap<>();
    for (JsonNode s : services) {
      for (JsonNode p : s.path("ports")) {
        byKey.put(s.path("namespace").asText("default") + "/" + s.path("name").asText() + "/"
            + p.path("name").asText(), p.path("port").asInt());
      }
    }
    return (ns, svc, port) -> {
      Integer n = byKey.get(ns + "/" + svc + "/" + port);
      return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    };
  }
}
