package dev.meshwright.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.model.analysis.Analysis;
import dev.meshwright.model.analysis.AnalysisInput;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisOptions;
import dev.meshwright.model.analysis.AnalysisSources;
import dev.meshwright.model.analysis.Analyzer;
import dev.meshwright.model.analysis.Level;
import dev.meshwright.model.analysis.Messages;
import dev.meshwright.model.analysis.Suppression;
import dev.meshwright.model.analysis.analyzers.Analyzers;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code meshctl analyze PATH...}: runs Istio 1.22's analyzers over files, as {@code istioctl analyze
 * --use-kube=false} does (the selected namespace fills in namespace-less objects, the default ingress gateway
 * Pod/Service is added, runtime kinds such as Pods and Services are kept from the files). Prints Istio's
 * message lines ({@code -o log}, default), or a JSON/YAML list; exit 79 when a log-format message reaches the
 * failure threshold (Istio applies it to the log format only), 1 when an input or option cannot be read.
 */
@Command(name = "analyze", description = "Analyze Istio configuration files and print validation messages.")
final class AnalyzeCommand implements Callable<Integer> {
  /** Istio's exit code for analysis messages at or above the failure threshold. */
  static final int EXIT_ISSUES_FOUND = 79;
  private static final String DOCS = "https://istio.io/v1.22/docs/reference/config/analysis/";

  private final InputStream stdin;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files, directories (searched recursively) or -.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--meshConfigFile", paramLabel = "F", description = "Mesh config overriding Istio's defaults.")
  Path meshConfigFile;

  @Option(names = {"-o", "--output"}, description = "Output format: log (default), json or yaml.")
  String output = "log";

  @Option(names = "--failure-threshold", description = "Level at which to exit 79: Info, Warning or Error (default).")
  String failureThreshold = "Error";

  @Option(names = "--output-threshold", description = "Lowest level printed: Info (default), Warning or Error.")
  String outputThreshold = "Info";

  @Option(names = {"-n", "--namespace"}, description = "Namespace to analyze (default: default).")
  String namespace;

  @Option(names = {"-A", "--all-namespaces"}, description = "Analyze all namespaces.")
  boolean allNamespaces;

  @Option(names = {"-S", "--suppress"}, paramLabel = "CODE=RESOURCE",
      description = "Suppress a code on resources matching a glob, e.g. \"IST0102=Namespace *\".")
  List<String> suppress = new ArrayList<>();

  @Option(names = {"-L", "--list-analyzers"}, description = "List the analyzers and exit.")
  boolean listAnalyzers;

  AnalyzeCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String format = output.toLowerCase(Locale.ROOT);
    if (!List.of("log", "json", "yaml").contains(format)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          output + " not a valid option for format: use log, json or yaml");
    }
    Level failAt = level(failureThreshold, "--failure-threshold");
    Level showFrom = level(outputThreshold, "--output-threshold");
    if (listAnalyzers) {
      out.print(listing(Analyzers.all()));
      return 0;
    }
    if (paths.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "analyze needs at least one PATH (file, directory or -)");
    }
    List<Suppression> suppressions = new ArrayList<>();
    for (String s : suppress) {
      try {
        suppressions.add(Suppression.parse(s));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      if (Messages.byCode(suppressions.get(suppressions.size() - 1).code()).isEmpty()) {
        err.printf("Warning: Supplied message code '%s' is an unknown message code and will not have any effect.%n",
            suppressions.get(suppressions.size() - 1).code());
      }
    }
    String selected = allNamespaces ? "" : namespace == null || namespace.isEmpty() ? "default" : namespace;
    AnalysisInput.Builder input = AnalysisInput.builder().defaultNamespace(selected).addDefaultResources();
    List<Diagnostic> problems = new ArrayList<>();
    if (meshConfigFile != null) {
      MeshConfigs.Result mesh = readMeshConfig(meshConfigFile);
      if (mesh.meshConfig().isEmpty() || mesh.hasErrors()) {
        mesh.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> err.println(d.format()));
        if (mesh.diagnostics().isEmpty()) {
          err.println("error: " + meshConfigFile + ": cannot read mesh config");
        }
        return 1;
      }
      input.meshConfig(mesh.meshConfig().get());
    }
    InputSources.Result sources = InputSources.read(paths, stdin);
    problems.addAll(sources.problems());
    for (InputSources.Source source : sources.sources()) {
      problems.addAll(AnalysisSources.addText(input, source.name(), source.text(), "", kind -> true));
    }
    AnalysisOptions options = AnalysisOptions.all(Clock.systemUTC()).withSuppressions(suppressions);
    if (!allNamespaces) {
      options = options.inNamespace(selected);
    }
    List<AnalysisMessage> messages = Analysis.run(input.build(), Analyzers.all(), options);
    List<AnalysisMessage> shown = messages.stream().filter(m -> m.level().reaches(showFrom)).toList();
    if (!problems.isEmpty()) {
      err.print("Error(s) adding files: ");
      problems.forEach(d -> err.println(d.format()));
    }
    out.println(render(shown, format));
    if (shown.isEmpty()) {
      if (problems.isEmpty()) {
        err.printf("\u2714 No validation issues found when analyzing %s.%n",
            String.join("\n", sources.sources().stream().map(InputSources.Source::name).toList()));
      } else {
        err.printf("No validation issues found when analyzing %s (but %d %s could not be parsed).%n",
            allNamespaces ? "all namespaces" : "namespace: " + selected, problems.size(),
            problems.size() == 1 ? "file" : "files");
      }
    }
    if (format.equals("log") && messages.stream().anyMatch(m -> m.level().reaches(failAt))) {
      return EXIT_ISSUES_FOUND;
    }
    return problems.isEmpty() ? 0 : 1;
  }

  private Level level(String text, String option) {
    try {
      return Level.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }

  private static MeshConfigs.Result readMeshConfig(Path file) {
    try {
      return AnalysisSources.meshConfig(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return new MeshConfigs.Result(java.util.Optional.empty(), List.of(new Diagnostic(
          dev.meshwright.api.Severity.ERROR, file.toString(), 0, 0, "", "", "", "", "cannot read file: " + e.getMessage())));
    }
  }

  /** Istio's {@code -L} listing: {@code * name:} and the indented description, sorted by name. */
  static String listing(List<Analyzer> analyzers) {
    StringBuilder b = new StringBuilder();
    analyzers.stream().sorted(Comparator.comparing(a -> a.metadata().name())).forEach(a -> {
      b.append("* ").append(a.metadata().name()).append(":\n");
      if (!a.metadata().description().isEmpty()) {
        b.append("    ").append(a.metadata().description()).append('\n');
      }
    });
    return b.toString();
  }

  static String render(List<AnalysisMessage> messages, String format) throws JsonProcessingException {
    if (format.equals("log")) {
      return String.join("\n", messages.stream().map(AnalysisMessage::format).toList());
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (AnalysisMessage m : messages) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("code", m.code());
      e.put("documentationUrl", DOCS + m.code().toLowerCase(Locale.ROOT) + "/?ref=istioctl-analyze");
      e.put("level", m.level().label());
      e.put("message", m.text());
      m.origin().ifPresent(o -> {
        e.put("origin", o.friendlyName());
        if (!o.reference(0).isEmpty()) {
          e.put("reference", o.reference(0));
        }
      });
      list.add(e);
    }
    if (format.equals("json")) {
      DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
          .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
      pretty.indentArraysWith(new DefaultIndenter("\t", "\n"));
      pretty.indentObjectsWith(new DefaultIndenter("\t", "\n"));
      return new ObjectMapper().writer(pretty).writeValueAsString(list);
    }
    return new YAMLMapper().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).writeValueAsString(list).stripTrailing();
  }
}
