package dev.meshwright.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code meshctl version [-o json]}: the versions of meshctl and the Istio API it targets. */
@Command(name = "version", description = "Print the versions of meshctl and of the Istio API it targets.")
final class VersionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-o", "--output"}, description = "Output format: text (default) or json.")
  OutputFormat output = OutputFormat.text;

  @Override
  public Integer call() throws JsonProcessingException {
    VersionInfo v = VersionInfo.load();
    if (output == OutputFormat.json) {
      Map<String, String> json = new LinkedHashMap<>();
      json.put("meshctlVersion", v.meshctl());
      json.put("istioVersion", v.istio());
      spec.commandLine().getOut().println(
          new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    } else {
      spec.commandLine().getOut().println("meshctl version: " + v.meshctl());
      spec.commandLine().getOut().println("istio api version: " + v.istio());
    }
    return 0;
  }
}
