package dev.meshwright.cli;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.IstioResource;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import dev.meshwright.cli.demo.Bookinfo;
import dev.meshwright.cli.demo.BookinfoWorkloads;
import dev.meshwright.install.render.Manifest;
import dev.meshwright.install.render.ManifestYaml;
import dev.meshwright.model.analysis.Analysis;
import dev.meshwright.model.analysis.AnalysisInput;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisOptions;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Step 3 of {@code meshctl demo}: the Bookinfo config built with typed builders, validated with Istio 1.22.8's rules
 * and round-tripped through YAML; analyzed with Istio's analyzers together with its Kubernetes objects and the
 * ingress gateway Service the demo profile renders (clean: no message); analyzed again with one deliberate mistake
 * (the reviews canary routes to subset {@code v4}, which no DestinationRule defines), which must be caught as
 * {@value #DELIBERATE}; a broken change rejected by validation; and the mesh snapshot the xDS config is generated from.
 */
final class DemoConfig {
  /** The code the deliberate mistake must draw (ReferencedResourceNotFound). */
  static final String DELIBERATE = "IST0101";

  private DemoConfig() {}

  /** Prints the step; true when the clean config is clean and each mistake is caught. */
  static boolean run(PrintWriter out, Manifest install, Optional<Path> outputDir) throws IOException {
    List<IstioResource<?>> mesh = Bookinfo.resources();
    Map<String, Integer> kinds = new TreeMap<>();
    mesh.forEach(r -> kinds.merge(r.kind(), 1, Integer::sum));
    MeshValidator validator = MeshValidator.create();
    long errors = mesh.stream().flatMap(r -> validator.validate(r).stream()).filter(Diagnostic::isError).count();
    String yaml = MeshYaml.standard().writeYaml(mesh);
    ReadResult back = MeshYaml.read("bookinfo.yaml", yaml);
    boolean same = !back.hasErrors() && back.resources().equals(mesh);
    out.printf("3. Bookinfo config: %d resources built with typed builders %s%n", mesh.size(), kinds);
    out.printf("   validated with Istio 1.22.8's rules: %d error(s); written as %d lines of YAML and read back: %s%n",
        errors, yaml.lines().count(), same ? "identical values" : "DIFFERENT: " + back.diagnostics());
    if (outputDir.isPresent()) {
      Files.createDirectories(outputDir.get());
      Path file = outputDir.get().resolve("bookinfo.yaml");
      Files.writeString(file, yaml);
      out.printf("   written to %s (try: bin/meshctl validate -f %s)%n", file, file);
    }
    List<MeshResource> cluster = new ArrayList<>(mesh);
    ReadResult workloads = MeshYaml.read("bookinfo-workloads.yaml", BookinfoWorkloads.yaml());
    cluster.addAll(workloads.resources());
    List<MeshResource> gateway = ingressGateway(install);
    List<AnalysisMessage> clean = analyze(cluster, gateway, Optional.empty());
    out.printf("   analyzed with Istio's analyzers (%d resources: with Services, Deployments, Pods and the demo "
        + "profile's ingress gateway): %d message(s)%n", cluster.size() + gateway.size(), clean.size());
    clean.forEach(m -> out.println("     " + m.format()));
    List<AnalysisMessage> caught = analyze(cluster, gateway, Optional.of(Bookinfo.canaryToUndefinedSubset()));
    out.println("   deliberate mistake: the reviews canary sends 10% to subset v4, which no DestinationRule defines;"
        + " the analyzers catch it:");
    caught.forEach(m -> out.println("     " + m.format()));
    boolean ok = errors == 0 && same && !workloads.hasErrors() && gateway.size() == 2 && clean.isEmpty()
        && caught.size() == 1 && caught.get(0).code().equals(DELIBERATE);
    out.println("   " + (caught.stream().anyMatch(m -> m.code().equals(DELIBERATE)) ? "caught: " + DELIBERATE
        + " (ReferencedResourceNotFound)" : "NOT caught"));
    List<Diagnostic> broken = validator.validate(Bookinfo.broken());
    out.println("   a broken change is rejected by validation before it is applied (bin/meshctl validate):");
    broken.forEach(d -> out.println("     " + d.format()));
    ok &= broken.stream().anyMatch(Diagnostic::isError);
    return snapshot(out, cluster) && ok;
  }

  /** The ingress gateway Service the demo profile renders, and a running gateway Pod it selects. */
  private static List<MeshResource> ingressGateway(Manifest install) {
    List<MeshResource> out = new ArrayList<>();
    install.objects().stream()
        .filter(o -> o.kind().equals("Service") && o.name().equals("istio-ingressgateway"))
        .forEach(o -> out.addAll(MeshYaml.read("demo-profile.yaml", ManifestYaml.write(o.body())).resources()));
    out.addAll(MeshYaml.read("ingressgateway-pod.yaml", BookinfoWorkloads.ingressGatewayPod()).resources());
    return out;
  }

  /** Istio's analyzers over the cluster, with {@code replacement} in place of the resource of the same name. */
  private static List<AnalysisMessage> analyze(List<MeshResource> cluster, List<MeshResource> gateway,
      Optional<MeshResource> replacement) {
    AnalysisInput.Builder input = AnalysisInput.builder().addDefaultResources();
    cluster.forEach(r -> input.add(r, "bookinfo", 0));
    gateway.forEach(r -> input.add(r, "demo-profile", 0));
    replacement.ifPresent(r -> input.add(r, "bookinfo-mistake", 0));
    return Analysis.run(input.build(), Analyzers.all(), AnalysisOptions.all(Clock.systemUTC()));
  }

  /** The mesh snapshot every proxy's config is generated from; problems fail the demo. */
  private static boolean snapshot(PrintWriter out, List<MeshResource> cluster) {
    ConfigStore store = ConfigStore.builder().build();
    store.putAll("bookinfo", cluster);
    MeshSnapshot snapshot = MeshTranslator.create().translate(store.view(), MeshConfigs.defaults());
    List<MeshService> services = snapshot.servicesVisibleTo(Bookinfo.NAMESPACE);
    long endpoints = services.stream().mapToLong(s -> snapshot.registry().endpoints(s.hostname()).size()).sum();
    out.printf("   mesh snapshot (bin/meshctl x snapshot): %d services with %d endpoints, %d workloads with their "
        + "Sidecar and policies, %d problem(s)%n", services.size(), endpoints, snapshot.workloads().size(),
        snapshot.diagnostics().size());
    snapshot.diagnostics().forEach(d -> out.println("     " + d.format()));
    return snapshot.diagnostics().isEmpty() && endpoints > 0;
  }
}
