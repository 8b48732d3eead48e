package dev.meshwright.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshConfigYaml;
import dev.meshwright.inject.InjectionException;
import dev.meshwright.inject.InjectionFeatures;
import dev.meshwright.inject.InjectionSettings;
import dev.meshwright.inject.InjectorValues;
import dev.meshwright.inject.KubeInject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshctl kube-inject -f PATH [--valuesFile F] [--meshConfigFile F] [--set path=value]... [--revision R]}:
 * offline sidecar injection like {@code istioctl kube-inject}. Writes the injected YAML (every document followed by
 * {@code ---}) to stdout and skip warnings ({@code ===> Skipping injection ...}) to stderr. Values are Istio's
 * {@code values.gen.yaml} (JSON or YAML) over the chart defaults, then each {@code --set}; the mesh file is a
 * MeshConfig over Istio's defaults. {@code ENABLE_NATIVE_SIDECARS=true} and {@code COMPLIANCE_POLICY} in the
 * environment act as they do for istiod. Exit 0, or 1 when an input or setting is bad or injection fails (the message names the file,
 * the document and the object).
 */
@Command(name = "kube-inject", description = "Inject the Istio sidecar into the workloads of a YAML file (offline).")
final class KubeInjectCommand implements Callable<Integer> {
  private final InputStream stdin;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-f", "--filename"}, required = true,
      description = "Input with Pods, Deployments and other workloads; - is standard input.")
  String file;

  @Option(names = "--valuesFile", description = "Injector values (the istio-sidecar-injector ConfigMap's 'values').")
  String valuesFile;

  @Option(names = "--meshConfigFile", description = "MeshConfig YAML (the istio ConfigMap's 'mesh').")
  String meshConfigFile;

  @Option(names = "--set", description = "Override one value, e.g. --set global.proxy.holdApplicationUntilProxyStarts=true.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--revision", defaultValue = "", description = "Control plane revision to inject for.")
  String revision;

  KubeInjectCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    InjectionSettings settings = InjectionSettings.defaults();
    try {
      InjectorValues values = InjectorValues.defaults();
      if (valuesFile != null) {
        values = InjectorValues.of(readValues(valuesFile, read(valuesFile)));
      }
      for (String set : sets) {
        int eq = set.indexOf('=');
        if (eq <= 0) {
          throw new BadInput("--set " + set + ": expected path=value");
        }
        try {
          values = values.withSet(set.substring(0, eq), set.substring(eq + 1));
        } catch (IllegalArgumentException e) {
          throw new BadInput("--set " + set + ": " + e.getMessage());
        }
      }
      if (!revision.isEmpty() && values.withSet("revision", "").equals(values)) {
        // the injector of revision R is installed with values.revision=R (its CA address is istiod-R)
        values = values.withSet("revision", revision);
      }
      settings = settings.withValues(values).withOptions(settings.options().withRevision(revision));
      if (meshConfigFile != null) {
        MeshConfigs.Result mesh = MeshConfigYaml.load(meshConfigFile, read(meshConfigFile));
        List<String> errors = mesh.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList();
        if (mesh.meshConfig().isEmpty() || !errors.isEmpty()) {
          throw new BadInput(String.join("\n", errors.isEmpty() ? List.of(meshConfigFile + ": unreadable") : errors));
        }
        settings = settings.withMesh(mesh.meshConfig().get());
      }
      InjectionFeatures features = InjectionFeatures.defaults();
      if ("true".equals(System.getenv("ENABLE_NATIVE_SIDECARS"))) {
        features = features.withNativeSidecars();
      }
      String compliance = System.getenv("COMPLIANCE_POLICY");
      if (compliance != null && !compliance.isBlank()) {
        features = features.withCompliancePolicy(compliance.trim());
      }
      settings = settings.withFeatures(features);
      KubeInject.Output result = KubeInject.inject(file, read(file), settings);
      result.warnings().forEach(w -> err.println("===> " + w));
      out.print(result.yaml());
      return 0;
    } catch (BadInput e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (InjectionException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private String read(String name) throws BadInput {
    try {
      if (name.equals("-")) {
        return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
      }
      return Files.readString(Path.of(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInput(name + ": cannot read file: " + e.getMessage());
    }
  }

  private static JsonNode readValues(String name, String text) throws BadInput {
    try {
      JsonNode n = MeshJackson.yaml().readTree(text);
      if (n == null || n.isMissingNode() || n.isNull()) {
        return MeshJackson.json().createObjectNode();
      }
      if (!n.isObject()) {
        throw new BadInput(name + ": values must be a mapping");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new BadInput(name + ": not valid JSON or YAML: " + e.getOriginalMessage());
    }
  }

  /** A bad file or flag, reported as one error line. */
  private static final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message);
    }
  }
}
