package dev.meshwright.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshwright.install.Diagnostic;
import dev.meshwright.install.render.ChartRenderer;
import dev.meshwright.install.render.HelmChart;
import dev.meshwright.install.render.ManifestRenderer;
import dev.meshwright.install.render.ManifestYaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code meshctl x helm-template CHART}: the objects {@code helm template} of Istio's {@code base},
 * {@code istiod} or {@code gateway} chart would produce, rendered by Meshwright's Java renderer from Helm
 * values ({@code -f} files, Istio's own {@code values.yaml} with its {@code defaults:} root included, then
 * {@code --set}). Exit codes: 0 success, 1 bad values, 2 usage error.
 */
@Command(name = "helm-template", description = "Render Istio's base, istiod, gateway, cni or ztunnel Helm chart without Helm.")
final class HelmTemplateCommand implements Callable<Integer> {
  private static final YAMLMapper YAML = new YAMLMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CHART", description = "base, istiod (istio-discovery), gateway, cni (istio-cni) or ztunnel.")
  String chart;

  @Option(names = {"-f", "--values"}, description = "Helm values file (repeatable, later wins).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--set", description = "Helm path=value (repeatable, later wins).")
  List<String> sets = new ArrayList<>();

  @Option(names = {"-n", "--namespace"}, description = "Release namespace (default: istio-system).")
  String namespace = "istio-system";

  @Option(names = "--release", description = "Release name (default: istio; the gateway chart names its gateway after it).")
  String release;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Optional<HelmChart> named = HelmChart.named(chart);
    if (named.isEmpty()) {
      err.println("error: unknown chart " + chart + " (base, istiod, gateway, cni or ztunnel)");
      return 2;
    }
    ObjectNode values = JsonNodeFactory.instance.objectNode();
    for (Path f : files) {
      try {
        JsonNode doc = YAML.readTree(Files.readString(f));
        if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isObject()) {
          err.println("error: " + f + ": values must be a mapping");
          return 1;
        }
        if (doc instanceof ObjectNode o) {
          if (o.get("defaults") instanceof ObjectNode d) {
            merge(values, d);
          }
          o.remove("defaults");
          merge(values, o);
        }
      } catch (IOException e) {
        err.println("error: " + f + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("cannot read"));
        return 1;
      }
    }
    for (String s : sets) {
      Optional<Diagnostic> problem = ChartRenderer.set(values, s);
      if (problem.isPresent()) {
        err.println("error: " + problem.get());
        return 1;
      }
    }
    String rel = release != null ? release : named.get() == HelmChart.GATEWAY ? "" : "istio";
    ManifestRenderer.Rendering r = ChartRenderer.render(named.get(), values, namespace, rel);
    r.diagnostics().forEach(d -> err.println("error: " + d));
    if (r.manifest().isEmpty()) {
      return 1;
    }
    spec.commandLine().getOut().print(ManifestYaml.write(r.manifest().get()));
    return 0;
  }

  private static void merge(ObjectNode base, ObjectNode overlay) {
    for (Map.Entry<String, JsonNode> e : overlay.properties()) {
      if (base.get(e.getKey()) instanceof ObjectNode b && e.getValue() instanceof ObjectNode o) {
        merge(b, o);
      } else {
        base.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }
}
