package dev.meshwright.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.cli.source.DirectorySource;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.registry.RegistryOptions;
import dev.meshwright.model.registry.Workload;
import dev.meshwright.model.snapshot.MeshConfigSource;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.xds.ConfigDumps;
import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.XdsResources;
import dev.meshwright.xds.istiod.Istiod;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-proxy mode of {@code meshctl x translate --config DIR --proxy NODE_ID}: loads DIR (Istio config plus
 * Services/Endpoints/Pods or ServiceEntries/WorkloadEntries as the registry), builds the mesh snapshot, and prints
 * what that proxy would receive as an Envoy config dump. Labels and namespace come from {@code --meta}, else from
 * the registry workload with the node's IP (a Pod or WorkloadEntry), so a bare node ID is enough offline.
 */
final class XdsTranslation {
  private XdsTranslation() {}

  /** The {@code --type} values and the type URLs they select. */
  static final Map<String, List<String>> TYPES = types();

  private static Map<String, List<String>> types() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("cds", List.of(TypeUrls.CLUSTER));
    m.put("eds", List.of(TypeUrls.ENDPOINT));
    m.put("lds", List.of(TypeUrls.LISTENER));
    m.put("rds", List.of(TypeUrls.ROUTE));
    m.put("sds", List.of(TypeUrls.SECRET));
    m.put("all", TypeUrls.PUSH_ORDER);
    return m;
  }

  static int run(Path config, String nodeId, Map<String, String> meta, String type, OutputFormat format,
      String domainSuffix, Path meshConfigFile, PrintWriter out, PrintWriter err) {
    List<String> types = TYPES.get(type.toLowerCase(Locale.ROOT));
    if (types == null) {
      err.println("error: --type: unknown type '" + type + "' (lds, rds, cds, eds, sds or all)");
      return 1;
    }
    if (format == OutputFormat.text) {
      err.println("error: -o: x translate --proxy prints yaml or json");
      return 1;
    }
    if (!Files.isDirectory(config)) {
      err.println("error: " + config + ": not a directory");
      return 1;
    }
    ConfigStore store = ConfigStore.builder().build();
    List<Diagnostic> problems = new ArrayList<>();
    try (DirectorySource source = new DirectorySource(config, store, MeshYaml.standard())) {
      problems.addAll(source.scan().diagnostics());
    }
    MeshConfigs.Result mesh = meshConfigFile != null ? MeshConfigFiles.read(meshConfigFile)
        : MeshConfigSource.fromView(store.view(), MeshConfigSource.ISTIO_NAMESPACE, "");
    problems.addAll(mesh.diagnostics());
    if (mesh.meshConfig().isEmpty() || mesh.hasErrors()) {
      problems.forEach(d -> err.println(d.format()));
      return 1;
    }
    MeshConfig meshConfig = mesh.meshConfig().get();
    RegistryOptions registry = new RegistryOptions(domainSuffix,
        meshConfig.trustDomain().filter(s -> !s.isEmpty()).orElse("cluster.local"), "Kubernetes");
    MeshSnapshot snapshot = MeshTranslator.create(registry).translate(store.view(), meshConfig);
    problems.addAll(snapshot.diagnostics());
    NodeIds.Parsed parsed = NodeIds.parse(nodeId, metadata(nodeId, meta, snapshot));
    if (parsed instanceof NodeIds.Parsed.Invalid invalid) {
      err.println("error: --proxy: " + invalid.message());
      return 1;
    }
    Proxy proxy = parsed.orThrow();
    XdsResources resources = Istiod.generator(new XdsOptions(domainSuffix, "Kubernetes")).generate(snapshot, proxy);
    problems.addAll(resources.diagnostics());
    String json = ConfigDumps.json(ConfigDumps.of(resources, types));
    try {
      out.print(format == OutputFormat.json ? json + "\n" : yaml(json));
    } catch (IOException e) {
      err.println("error: cannot write the config dump: " + e.getMessage());
      return 1;
    }
    out.flush();
    problems.forEach(d -> err.println(d.format()));
    return problems.stream().anyMatch(Diagnostic::isError) ? 1 : 0;
  }

  /** Node metadata: {@code --meta} entries over what the registry knows of the workload at the node's IP. */
  private static Map<String, Object> metadata(String nodeId, Map<String, String> meta, MeshSnapshot snapshot) {
    Map<String, Object> out = new LinkedHashMap<>();
    String[] parts = nodeId.split("~", -1);
    if (parts.length == 4) {
      for (Workload w : snapshot.registry().workloads()) {
        if (w.address().equals(parts[1])) {
          out.put("NAMESPACE", w.namespace());
          out.put("LABELS", w.labels());
          out.put("WORKLOAD_NAME", w.name());
          if (!w.serviceAccount().isEmpty()) {
            out.put("SERVICE_ACCOUNT", w.serviceAccount());
          }
          break;
        }
      }
    }
    meta.forEach((k, v) -> out.put(k, k.equals("LABELS") ? labels(v) : v));
    return out;
  }

  private static Map<String, String> labels(String csv) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String kv : csv.split(",")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        out.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
      }
    }
    return out;
  }

  private static String yaml(String json) throws IOException {
    JsonNode tree = new ObjectMapper().readTree(json);
    return new YAMLMapper().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).writeValueAsString(tree);
  }
}
