package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.model.analysis.Analysis;
import dev.meshwright.model.analysis.AnalysisInput;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisOptions;
import dev.meshwright.model.analysis.AnalysisSources;
import dev.meshwright.model.analysis.Analyzer;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.analyzers.Analyzers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code analyze/} corpus (Istio's analyzer table tests). Each case runs exactly as the corpus README
 * describes: an empty store without namespace defaulting, the mesh config file merged over the defaults,
 * every input file read (only the analyzer's input kinds plus Service, Namespace, Node, Pod and Secret are
 * kept; later files win), the default ingress gateway Pod/Service added, then only the named analyzer(s)
 * run; the case passes when the produced messages equal {@code expected} as a multiset of
 * {@code (code, resource)}. A multi-cluster case loads each cluster's files tagged with the cluster id.
 * Stateless.
 */
final class AnalyzeCorpus extends NamedCorpus {
  AnalyzeCorpus(String name) {
    super(name);
  }

  @Override
  public CorpusResult run(Path dir) throws IOException {
    return tally(name(), cases(dir), c -> c.path("name").asText(), c -> check(dir.resolve("inputs"), c));
  }

  /** Why the case fails, or empty when it passes. */
  static Optional<String> check(Path inputs, JsonNode c) throws IOException {
    List<Analyzer> analyzers = new ArrayList<>();
    for (JsonNode n : c.path("analyzers")) {
      Optional<Analyzer> a = Analyzers.byName(n.asText());
      if (a.isEmpty()) {
        return Optional.of("analyzer " + n.asText() + " is not implemented");
      }
      analyzers.add(a.get());
    }
    Set<String> kinds = new HashSet<>(Kinds.RUNTIME);
    analyzers.forEach(a -> kinds.addAll(a.metadata().inputs()));
    AnalysisInput.Builder input = AnalysisInput.builder().addDefaultResources();
    if (c.hasNonNull("mesh_config")) {
      String file = c.get("mesh_config").asText();
      MeshConfigs.Result mesh = AnalysisSources.meshConfig(file, Files.readString(inputs.resolve(file)));
      if (mesh.meshConfig().isEmpty()) {
        return Optional.of("mesh config " + file + " not readable: " + mesh.diagnostics());
      }
      input.meshConfig(mesh.meshConfig().get());
    }
    if (c.hasNonNull("mesh_networks")) {
      String file = c.get("mesh_networks").asText();
      JsonNode networks = MeshJackson.yaml().readTree(Files.readString(inputs.resolve(file)));
      if (networks != null && networks.isObject()) {
        input.meshNetworks(networks);
      }
    }
    if (c.has("clusters")) {
      for (Map.Entry<String, JsonNode> cluster : c.get("clusters").properties()) {
        for (JsonNode f : cluster.getValue()) {
          addFile(input, inputs, f.asText(), cluster.getKey(), kinds);
        }
      }
    } else {
      for (JsonNode f : c.path("input_files")) {
        addFile(input, inputs, f.asText(), "", kinds);
      }
    }
    List<AnalysisMessage> got = Analysis.run(input.build(), analyzers, AnalysisOptions.all(Clock.systemUTC()));
    Map<String, Integer> want = new TreeMap<>();
    for (JsonNode e : c.path("expected")) {
      want.merge(e.path("code").asText() + " " + e.path("resource").asText(), 1, Integer::sum);
    }
    Map<String, Integer> have = new TreeMap<>();
    for (AnalysisMessage m : got) {
      have.merge(m.code() + " " + m.originName(), 1, Integer::sum);
    }
    if (want.equals(have)) {
      return Optional.empty();
    }
    return Optional.of("expected " + want + " got " + have);
  }

  private static void addFile(AnalysisInput.Builder input, Path inputs, String file, String cluster, Set<String> kinds)
      throws IOException {
    AnalysisSources.addText(input, file, Files.readString(inputs.resolve(file)), cluster, kinds::contains);
  }
}
