package dev.meshwright.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.mesh.ProxyConfig;
import dev.meshwright.api.yaml.MeshConfigYaml;
import dev.meshwright.api.yaml.ValueResult;
import dev.meshwright.xds.bootstrap.BootstrapOptions;
import dev.meshwright.xds.bootstrap.BootstrapRenderer;
import dev.meshwright.xds.bootstrap.BootstrapResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshctl x bootstrap --proxy-config FILE --node-id ID [--meta KEY=VALUE]... [-o json|yaml]}: the Envoy
 * bootstrap pilot-agent would write for that proxy, offline. FILE is a ProxyConfig in YAML (applied over Istio's
 * default proxy config, as the agent applies {@code defaultConfig}) or a mesh config whose {@code defaultConfig} is
 * used. {@code --meta} adds node metadata as {@code ISTIO_META_KEY} would, {@code --env} any other agent variable
 * ({@code POD_NAMESPACE}, {@code ISTIO_METAJSON_LABELS}), {@code --annotation} the pod's annotations. The pod IP
 * defaults to the node ID's. Exit 0, or 1 with {@code error: FILE: message} lines when the file or the
 * bootstrap cannot be made.
 */
@Command(name = "bootstrap",
    description = "Print the Envoy bootstrap pilot-agent would write for a proxy (offline).")
final class BootstrapCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--proxy-config", required = true, paramLabel = "FILE",
      description = "ProxyConfig YAML (over Istio's defaults), or a mesh config whose defaultConfig is used.")
  Path proxyConfig;

  @Option(names = "--node-id", required = true, paramLabel = "ID",
      description = "Envoy node ID, <type>~<ip>~<pod>.<namespace>~<namespace>.svc.<domain>.")
  String nodeId;

  @Option(names = "--meta", paramLabel = "KEY=VALUE", description = "Node metadata, as ISTIO_META_KEY=VALUE would set it.")
  Map<String, String> meta = new LinkedHashMap<>();

  @Option(names = "--env", paramLabel = "NAME=VALUE",
      description = "Another agent environment variable: POD_NAME, POD_NAMESPACE, SERVICE_ACCOUNT, ISTIO_METAJSON_*.")
  Map<String, String> env = new LinkedHashMap<>();

  @Option(names = "--annotation", paramLabel = "KEY=VALUE",
      description = "A pod annotation (for example sidecar.istio.io/statsInclusionPrefixes=...).")
  Map<String, String> annotations = new LinkedHashMap<>();

  @Option(names = "--ip", paramLabel = "IP", description = "Pod IP (repeatable; default: the node ID's IP).")
  List<String> ips = new ArrayList<>();

  @Option(names = "--pilot-san", paramLabel = "SAN", description = "Subject alternative name expected of istiod.")
  List<String> pilotSans = new ArrayList<>();

  @Option(names = {"-o", "--output"}, defaultValue = "json", paramLabel = "FORMAT",
      description = "json or yaml (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (output == OutputFormat.text) {
      err.println("error: x bootstrap: -o must be json or yaml");
      return 1;
    }
    Optional<ProxyConfig> pc = readProxyConfig(err);
    if (pc.isEmpty()) {
      return 1;
    }
    BootstrapOptions.Builder b = BootstrapOptions.builder(nodeId, pc.get())
        .instanceIps(ips.isEmpty() ? nodeIp() : ips)
        .pilotSubjectAltNames(pilotSans)
        .podAnnotations(annotations);
    meta.forEach((k, v) -> b.putEnvironment("ISTIO_META_" + k, v));
    b.putAllEnvironment(env);
    BootstrapResult result = BootstrapRenderer.render(b.build());
    if (result.hasProblems()) {
      result.problems().forEach(p -> err.println("error: " + proxyConfig + ": " + p));
      return 1;
    }
    String json = BootstrapRenderer.toJson(result.bootstrap().orElseThrow());
    try {
      out.print(output == OutputFormat.yaml
          ? MeshJackson.yaml().writeValueAsString(MeshJackson.json().readTree(json)) : json + "\n");
    } catch (IOException e) {
      err.println("error: " + proxyConfig + ": " + e.getMessage());
      return 1;
    }
    result.files().keySet().forEach(f -> err.println("note: pilot-agent also writes " + f));
    out.flush();
    return 0;
  }

  /** The ProxyConfig of the file: a mesh config's defaultConfig, or a ProxyConfig over Istio's defaults. */
  private Optional<ProxyConfig> readProxyConfig(PrintWriter err) {
    String text;
    JsonNode tree;
    try {
      text = Files.readString(proxyConfig, StandardCharsets.UTF_8);
      tree = MeshJackson.yaml().readTree(text);
    } catch (IOException | RuntimeException e) {
      err.println("error: " + proxyConfig + ": cannot read file: " + e.getMessage());
      return Optional.empty();
    }
    if (tree != null && tree.has("defaultConfig")) {
      MeshConfigs.Result mesh = MeshConfigYaml.load(proxyConfig.toString(), text);
      mesh.diagnostics().forEach(d -> err.println(d.format()));
      if (mesh.meshConfig().isEmpty() || mesh.hasErrors()) {
        return Optional.empty();
      }
      return Optional.of(mesh.meshConfig().get().defaultConfig().orElse(MeshConfigs.defaultProxyConfig()));
    }
    ValueResult<ProxyConfig> read = MeshConfigYaml.readProxyConfig(proxyConfig.toString(), text);
    read.diagnostics().forEach(d -> err.println(d.format()));
    if (read.value().isEmpty() || read.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(MeshConfigs.mergeProxyConfig(MeshConfigs.defaultProxyConfig(), read.value().get()));
  }

  private List<String> nodeIp() {
    String[] parts = nodeId.split("~");
    return parts.length == 4 && !parts[1].isEmpty() ? List.of(parts[1]) : List.of();
  }
}
