package dev.meshwright.cli;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.gateway.GatewayApiReader;
import dev.meshwright.model.gateway.GatewayApiResult;
import dev.meshwright.model.gateway.GatewayApiTranslator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshctl x translate}: offline translation of the config in a directory. The mode is chosen by
 * {@code --from}/{@code --to}; today {@code --from gateway-api --to istio} prints the Istio Gateways and
 * VirtualServices Istio's gateway controller would generate from the Kubernetes Gateway API objects in
 * {@code --config DIR} (Services, ServiceEntries, Secrets and Namespaces in the same directory are the
 * cluster the conversion sees). The per-proxy xDS mode ({@code --proxy NODE_ID}) shares this command.
 * Output is multi-document YAML on stdout; exit 0, or 1 when an input cannot be read (each problem on
 * stderr as {@code error: FILE:LINE: Kind ns/name: field.path: message}) or the options are wrong.
 */
@Command(name = "translate",
    description = "Translate config offline: --proxy NODE_ID prints one proxy's xDS; --from gateway-api --to istio "
        + "converts Gateway API objects to Istio config.")
final class TranslateCommand implements Callable<Integer> {
  /** Source formats of {@code --from}. */
  enum From {
    GATEWAY_API("gateway-api");

    private final String flag;

    From(String flag) {
      this.flag = flag;
    }

    @Override
    public String toString() {
      return flag;
    }
  }

  /** Target formats of {@code --to}. */
  enum To {
    ISTIO("istio");

    private final String flag;

    To(String flag) {
      this.flag = flag;
    }

    @Override
    public String toString() {
      return flag;
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "DIR",
      description = "Directory (or file) of YAML config to translate; searched recursively.")
  Path config;

  @Option(names = "--from", paramLabel = "FORMAT", converter = FromConverter.class,
      description = "Input format: gateway-api.")
  From from;

  @Option(names = "--to", paramLabel = "FORMAT", converter = ToConverter.class, description = "Output format: istio.")
  To to;

  @Option(names = "--proxy", paramLabel = "NODE_ID",
      description = "Print the xDS this proxy (<type>~<ip>~<id>~<dnsDomain>) would receive, as an Envoy config dump.")
  String proxy;

  @Option(names = "--type", defaultValue = "all", paramLabel = "TYPE",
      description = "With --proxy: lds, rds, cds, eds, sds or all (default: ${DEFAULT-VALUE}).")
  String type;

  @Option(names = {"-o", "--output"}, defaultValue = "yaml", paramLabel = "FORMAT",
      description = "With --proxy: yaml or json (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Option(names = "--meta", paramLabel = "KEY=VALUE",
      description = "With --proxy: node metadata (ISTIO_META_* without the prefix), e.g. GENERATOR=grpc, "
          + "LABELS=app=a,version=v1; the workload with the node's IP supplies labels and namespace otherwise.")
  java.util.Map<String, String> meta = new java.util.LinkedHashMap<>();

  @Option(names = "--meshConfigFile", paramLabel = "FILE",
      description = "With --proxy: mesh config (MeshConfig YAML) over Istio's defaults.")
  Path meshConfigFile;

  @Option(names = "--domain-suffix", defaultValue = "cluster.local",
      description = "Cluster domain used for service hostnames (default: ${DEFAULT-VALUE}).")
  String domainSuffix;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (proxy != null) {
      return XdsTranslation.run(config, proxy, meta, type, output, domainSuffix, meshConfigFile, out, err);
    }
    if (from == null || to == null) {
      err.println("error: x translate: give --from gateway-api --to istio (or --proxy NODE_ID)");
      return 1;
    }
    if (!Files.exists(config)) {
      err.println("error: " + config + ": no such file or directory");
      return 1;
    }
    InputSources.Result inputs = InputSources.read(List.of(config.toString()), java.io.InputStream.nullInputStream());
    GatewayApiReader reader = new GatewayApiReader();
    inputs.sources().forEach(s -> reader.add(s.name(), s.text()));
    List<Diagnostic> problems = new java.util.ArrayList<>(inputs.problems());
    problems.addAll(reader.diagnostics());
    if (!problems.isEmpty()) {
      problems.forEach(d -> err.println(d.format()));
      return 1;
    }
    GatewayApiResult result;
    try {
      result = new GatewayApiTranslator(
          ClusterFacts.environment(reader, domainSuffix, Clock.systemUTC())).translate(reader.resources());
    } catch (RuntimeException e) {
      err.println("error: " + config + ": cannot translate: " + e);
      return 1;
    }
    StatusWarnings.of(result).forEach(err::println);
    out.print(MeshYaml.standard().withApiVersions(MeshYaml.ApiVersions.PRESERVE).writeYaml(result.config()));
    out.flush();
    return 0;
  }

  /** Parses {@code --from}. */
  static final class FromConverter implements CommandLine.ITypeConverter<From> {
    @Override
    public From convert(String value) {
      for (From f : From.values()) {
        if (f.flag.equals(value)) {
          return f;
        }
      }
      throw new CommandLine.TypeConversionException("unknown format '" + value + "' (supported: gateway-api)");
    }
  }

  /** Parses {@code --to}. */
  static final class ToConverter implements CommandLine.ITypeConverter<To> {
    @Override
    public To convert(String value) {
      for (To t : To.values()) {
        if (t.flag.equals(value)) {
          return t;
        }
      }
      throw new CommandLine.TypeConversionException("unknown format '" + value + "' (supported: istio)");
    }
  }
}
