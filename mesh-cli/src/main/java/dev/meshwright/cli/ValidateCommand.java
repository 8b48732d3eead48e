package dev.meshwright.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.kinds.MeshValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwright.api.yaml.Document;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import dev.meshwright.api.yaml.Strictness;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshctl validate -f PATH...}: reads every document strictly and applies Istio 1.22's validation.
 * Exit 0 when nothing is invalid (warnings allowed), 1 otherwise. Text mode prints one line per problem
 * on standard error ({@code error: FILE: Kind ns/name: field.path: message}) and a summary on standard
 * output; {@code -o json} prints an array of problems on standard output.
 */
@Command(name = "validate", description = "Validate Istio configuration files the way Istio 1.22 does.")
final class ValidateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InputStream stdin;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-f", "--filename"}, required = true, arity = "1..*",
      description = "Files, directories (searched recursively) or - for standard input.")
  List<String> files = new ArrayList<>();

  @Option(names = {"-o", "--output"}, description = "Output format: text (default) or json.")
  OutputFormat output = OutputFormat.text;

  @Option(names = {"-n", "--namespace"}, description = "Namespace for resources that name none (default: ${DEFAULT-VALUE}).")
  String namespace = "default";

  @Option(names = "--lenient", description = "Report unknown fields as warnings instead of errors.")
  boolean lenient;

  ValidateCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    if (output == OutputFormat.yaml) {
      throw new CommandLine.ParameterException(spec.commandLine(), "validate supports -o text or -o json");
    }
    InputSources.Result inputs = InputSources.read(files, stdin);
    List<Diagnostic> problems = new ArrayList<>(inputs.problems());
    MeshYaml codec = MeshYaml.standard().withStrictness(lenient ? Strictness.LENIENT : Strictness.STRICT);
    MeshValidator validator = MeshValidator.withDefaultNamespace(namespace);
    int resources = 0;
    for (InputSources.Source source : inputs.sources()) {
      ReadResult read = codec.readAll(source.name(), source.text());
      problems.addAll(read.diagnostics());
      for (Document doc : read.documents()) {
        resources++;
        for (Diagnostic d : validator.validate(doc.resource())) {
          problems.add(d.withSource(source.name(), 0, 0));
        }
      }
    }
    boolean invalid = problems.stream().anyMatch(Diagnostic::isError);
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.json) {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(problems)));
    } else {
      PrintWriter err = spec.commandLine().getErr();
      problems.forEach(d -> err.println(d.format()));
      long errors = problems.stream().filter(Diagnostic::isError).count();
      out.printf("%s: %d resource(s) in %d file(s), %d error(s), %d warning(s)%n",
          invalid ? "invalid" : "valid", resources, inputs.sources().size(), errors, problems.size() - errors);
    }
    return invalid ? 1 : 0;
  }

  private static List<Map<String, Object>> toJson(List<Diagnostic> problems) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Diagnostic d : problems) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", d.source());
      m.put("kind", d.kind());
      m.put("namespace", d.namespace());
      m.put("name", d.name());
      m.put("path", d.path());
      m.put("message", d.message());
      m.put("severity", d.severity().label());
      if (d.line() > 0) {
        m.put("line", d.line());
        m.put("column", d.column());
      }
      out.add(m);
    }
    return out;
  }
}
