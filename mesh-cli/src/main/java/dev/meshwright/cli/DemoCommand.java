package dev.meshwright.cli;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.IstioResource;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import dev.meshwright.cli.demo.Bookinfo;
import dev.meshwright.cli.demo.BookinfoWorkloads;
import dev.meshwright.inject.InjectionException;
import dev.meshwright.inject.InjectionSettings;
import dev.meshwright.inject.KubeInject;
import dev.meshwright.model.analysis.Analysis;
import dev.meshwright.model.analysis.AnalysisInput;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisOptions;
import dev.meshwright.model.analysis.Level;
import dev.meshwright.model.analysis.analyzers.Analyzers;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.registry.MeshService;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshctl demo}: the in-process Bookinfo mesh. Builds the sample with typed builders, validates it
 * with Istio 1.22's rules, writes and re-reads it as YAML, resolves the effective mesh config, and shows
 * what validation says about a broken change, then adds the Kubernetes side (Services, Deployments, Pods,
 * EndpointSlices), runs Istio's analyzers, builds the mesh snapshot and injects a sidecar. Exit 0 when every
 * step behaves as it should. xDS and a proxyless client join this command as they land.
 */
@Command(name = "demo", description = "Run the in-process Bookinfo mesh demo.")
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--output-dir", description = "Also write the Bookinfo configuration to DIR/bookinfo.yaml.")
  Path outputDir;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    boolean ok = true;

    List<IstioResource<?>> mesh = Bookinfo.resources();
    out.printf("1. built the Bookinfo mesh with typed builders: %d resources%n", mesh.size());
    mesh.forEach(r -> out.printf("     %-20s %s/%s%n", r.kind(), r.namespace(), r.name()));

    MeshValidator validator = MeshValidator.create();
    long errors = mesh.stream().flatMap(r -> validator.validate(r).stream()).filter(Diagnostic::isError).count();
    out.printf("2. validated with Istio 1.22.8's rules: %d error(s)%n", errors);
    ok &= errors == 0;

    String yaml = MeshYaml.standard().writeYaml(mesh);
    ReadResult back = MeshYaml.read("bookinfo.yaml", yaml);
    List<MeshResource> reread = back.resources();
    boolean same = !back.hasErrors() && reread.equals(mesh);
    out.printf("3. wrote %d lines of YAML and read them back: %s%n", yaml.lines().count(),
        same ? "identical values" : "DIFFERENT: " + back.diagnostics());
    ok &= same;
    if (outputDir != null) {
      Files.createDirectories(outputDir);
      Path file = outputDir.resolve("bookinfo.yaml");
      Files.writeString(file, yaml);
      out.printf("     written to %s (try: bin/meshctl validate -f %s)%n", file, file);
    }

    MeshConfig effective = MeshConfigs.defaults();
    out.printf("4. effective mesh config: trust domain %s, root namespace %s, discovery %s%n",
        effective.trustDomain().orElse("?"), effective.rootNamespace().orElse("?"),
        effective.defaultConfig().flatMap(p -> p.discoveryAddress()).orElse("?"));

    List<Diagnostic> broken = validator.validate(Bookinfo.broken());
    out.println("5. a broken change is caught before it is applied:");
    broken.forEach(d -> out.println("     " + d.format()));
    ok &= broken.stream().anyMatch(Diagnostic::isError);

    List<MeshResource> cluster = new ArrayList<>(mesh);
    ReadResult workloads = MeshYaml.read("bookinfo-workloads.yaml", BookinfoWorkloads.yaml());
    cluster.addAll(workloads.resources());
    ok &= !workloads.hasErrors();
    ok &= analyze(out, cluster);
    ok &= snapshot(out, cluster, effective);
    ok &= inject(out);
    ok &= live(out);

    out.println(ok ? "demo: ok" : "demo: FAILED");
    return ok ? 0 : 1;
  }

  /** Step 6: Istio's analyzers over the mesh and its Kubernetes objects; an Error fails the demo. */
  private static boolean analyze(PrintWriter out, List<MeshResource> cluster) {
    AnalysisInput.Builder input = AnalysisInput.builder().addDefaultResources();
    cluster.forEach(r -> input.add(r, "bookinfo", 0));
    List<AnalysisMessage> messages = Analysis.run(input.build(), Analyzers.all(), AnalysisOptions.all(Clock.systemUTC()));
    long errors = messages.stream().filter(m -> m.level() == Level.ERROR).count();
    out.printf("6. analyzed with Istio's analyzers (%d resources with Services, Deployments and Pods): %d message(s), %d error(s)%n",
        cluster.size(), messages.size(), errors);
    messages.forEach(m -> out.println("     " + m.format()));
    return errors == 0;
  }

  /** Step 7: the mesh snapshot every proxy's config is generated from. */
  private static boolean snapshot(PrintWriter out, List<MeshResource> cluster, MeshConfig meshConfig) {
    ConfigStore store = ConfigStore.builder().build();
    store.putAll("bookinfo", cluster);
    MeshSnapshot snapshot = MeshTranslator.create().translate(store.view(), meshConfig);
    List<MeshService> services = snapshot.servicesVisibleTo(Bookinfo.NAMESPACE);
    long endpoints = services.stream().mapToLong(s -> snapshot.registry().endpoints(s.hostname()).size()).sum();
    out.printf("7. built the mesh snapshot: %d services with %d endpoints, %d workloads with their Sidecar and"
        + " policies, %d problem(s)%n", services.size(), endpoints, snapshot.workloads().size(),
        snapshot.diagnostics().size());
    snapshot.diagnostics().forEach(d -> out.println("     " + d.format()));
    return snapshot.diagnostics().isEmpty() && endpoints > 0;
  }

  /** Steps 9 to 12: the live control plane and proxyless traffic ({@link LiveDemo}); the splits must follow. */
  private static boolean live(PrintWriter out) throws IOException {
    Path dir = Files.createTempDirectory("meshwright-demo");
    try {
      LiveDemo.Result r = new LiveDemo(out, dir).run();
      boolean ok = r.splits().get(0).keySet().equals(java.util.Set.of("reviews-v1"))
          && r.splits().get(1).keySet().equals(java.util.Set.of("reviews-v1", "reviews-v3"))
          && r.splits().get(2).keySet().equals(java.util.Set.of("reviews-v3"))
          && !r.nack().isEmpty() && r.afterNack().keySet().equals(java.util.Set.of("reviews-v3"));
      if (!ok) {
        out.println("    the traffic did not follow the config: " + r);
      }
      return ok;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (IllegalStateException e) {
      out.println("    live mesh FAILED: " + e.getMessage());
      return false;
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /** Step 8: the sidecar injected into one Deployment, as kube-inject and the webhook do it. */
  private static boolean inject(PrintWriter out) {
    try {
      KubeInject.Output injected = KubeInject.inject("reviews-v2.yaml", BookinfoWorkloads.reviewsV2(),
          InjectionSettings.defaults());
      ReadResult back = MeshYaml.read("injected.yaml", injected.yaml());
      boolean hasProxy = injected.yaml().contains("name: istio-proxy") && injected.yaml().contains("name: istio-init");
      out.printf("8. injected the sidecar into reviews-v2: %d lines of YAML with istio-init and istio-proxy: %s%n",
          injected.yaml().lines().count(), hasProxy && !back.hasErrors() ? "yes" : "NO");
      return hasProxy && !back.hasErrors();
    } catch (InjectionException e) {
      out.println("8. injection FAILED: " + e.getMessage());
      return false;
    }
  }
}
