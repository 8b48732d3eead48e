package dev.meshwright.cli;

import com.google.protobuf.Message;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.Severity;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshConfigYaml;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.config.TextSources;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ProxyType;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.authz.AuthzFilters;
import dev.meshwright.xds.authz.AuthzInput;
import dev.meshwright.xds.authz.FilterYaml;
import dev.meshwright.xds.authz.JwksResolver;
import dev.meshwright.xds.authz.JwtFilters;
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
 * {@code meshctl x authz --policies FILE --namespace NS [--labels k=v,...] [--tcp] [--meshConfigFile F]}: prints the
 * Envoy filters istiod would put on the inbound chains of a sidecar workload in NS with those labels, for the
 * AuthorizationPolicies (and, on HTTP, RequestAuthentications) in FILE, as YAML of the Envoy protos. HTTP order:
 * CUSTOM (RBAC shadow + ext_authz), jwt_authn, then AUDIT, DENY, ALLOW; {@code --tcp} gives the network filters.
 * ext_authz provider services resolve against the Services in FILE. Bad input ({@code error: FILE: ...} on stderr)
 * exits 1; rules that cannot be translated are left out with a warning on stderr.
 */
@Command(name = "authz", description = "Print the RBAC/ext_authz (and jwt_authn) filters policies give a workload.")
final class AuthzCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--policies", required = true, paramLabel = "FILE",
      description = "YAML/JSON file of AuthorizationPolicies, RequestAuthentications and Services.")
  Path policies;

  @Option(names = "--namespace", required = true, description = "The workload's namespace.")
  String namespace;

  @Option(names = "--labels", split = ",", paramLabel = "k=v", description = "The workload's labels.")
  Map<String, String> labels = new LinkedHashMap<>();

  @Option(names = "--tcp", description = "Print the network filters of a TCP chain instead of the HTTP filters.")
  boolean tcp;

  @Option(names = "--meshConfigFile", paramLabel = "F", description = "Mesh config file, over Istio's defaults.")
  Path meshConfigFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<MeshConfig> mesh = meshConfig(err);
    Optional<String> text = read(policies, err);
    if (mesh.isEmpty() || text.isEmpty()) {
      return 1;
    }
    ConfigStore store = ConfigStore.builder().build();
    List<Diagnostic> problems = new ArrayList<>(
        TextSources.apply(store, policies.toString(), text.get(), MeshYaml.standard()).diagnostics());
    MeshSnapshot snapshot = MeshTranslator.create().translate(store.view(), mesh.get());
    problems.addAll(snapshot.diagnostics());
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      problems.forEach(d -> err.println(d.format()));
      err.flush();
      return 1;
    }
    Proxy proxy = new Proxy(ProxyType.SIDECAR, List.of("0.0.0.0"), "meshctl." + namespace,
        namespace + ".svc.cluster.local", namespace, labels, Map.of(), "sidecar~0.0.0.0~meshctl." + namespace);
    ProxyContext ctx = ProxyContext.of(snapshot, proxy, XdsOptions.defaults());
    AuthzInput input = AuthzInput.of(ctx);
    List<Message> filters = new ArrayList<>();
    if (tcp) {
      AuthzFilters.Result<?> r = AuthzFilters.tcp(input);
      r.all().forEach(f -> filters.add((Message) f));
      problems.addAll(r.diagnostics());
    } else {
      AuthzFilters.Result<?> r = AuthzFilters.http(input);
      r.custom().forEach(f -> filters.add((Message) f));
      JwtFilters.http(ctx, JwksResolver.NONE).ifPresent(filters::add);
      r.local().forEach(f -> filters.add((Message) f));
      problems.addAll(r.diagnostics());
    }
    out.print(FilterYaml.write(filters));
    out.flush();
    problems.forEach(d -> err.println(d.format()));
    err.flush();
    return 0;
  }

  private Optional<MeshConfig> meshConfig(PrintWriter err) {
    if (meshConfigFile == null) {
      return Optional.of(MeshConfigs.defaults());
    }
    Optional<String> text = read(meshConfigFile, err);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    MeshConfigs.Result r = MeshConfigYaml.load(meshConfigFile.toString(), text.get());
    r.diagnostics().forEach(d -> err.println(d.format()));
    return r.hasErrors() ? Optional.empty() : r.meshConfig();
  }

  private static Optional<String> read(Path file, PrintWriter err) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      err.println(new Diagnostic(Severity.ERROR, file.toString(), 0, 0, "", "", "", "",
          "cannot read file: " + e.getMessage()).format());
      err.flush();
      return Optional.empty();
    }
  }
}
