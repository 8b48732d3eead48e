package dev.meshwright.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.install.Diagnostic;
import dev.meshwright.install.InstallInputs;
import dev.meshwright.install.InstallSpec;
import dev.meshwright.install.render.ClusterFacts;
import dev.meshwright.install.render.Component;
import dev.meshwright.install.render.Manifest;
import dev.meshwright.install.render.ManifestDiff;
import dev.meshwright.install.render.ManifestRenderer;
import dev.meshwright.install.render.ManifestYaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code meshctl manifest generate|diff}: the Kubernetes objects an install renders, as istioctl prints them,
 * and the differences between two rendered manifests. Exit codes: 0 success (diff: identical), 1 bad input
 * (diff: the manifests differ), 2 usage error.
 */
@Command(name = "manifest", description = "Generate install manifests and compare them.",
    subcommands = {ManifestCommand.GenerateCommand.class, ManifestCommand.DiffCommand.class})
final class ManifestCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code manifest generate}: every object of the install, multi-document YAML in istioctl's order. */
  @Command(name = "generate", description = "Render the Kubernetes objects of an install (profile, -f files, --set).")
  static final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin InstallOverlay overlay = new InstallOverlay();

    @Option(names = "--component", description = "Print only these components (Base, Pilot, Cni, Ztunnel, "
        + "IstiodRemote, IngressGateways, EgressGateways; repeatable).")
    List<String> components = new ArrayList<>();

    @Option(names = "--force", description = "Accepted for istioctl compatibility (values are not schema-checked).")
    boolean force;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      List<Component> only = new ArrayList<>();
      for (String c : components) {
        Optional<Component> named = Component.named(c);
        if (named.isEmpty()) {
          err.println("error: unknown component " + c);
          return 2;
        }
        only.add(named.get());
      }
      Optional<Manifest> manifest = overlay.render(err);
      if (manifest.isEmpty()) {
        return 1;
      }
      Manifest m = manifest.get();
      if (!only.isEmpty()) {
        m = new Manifest(m.objects().stream().filter(o -> only.contains(o.component())).toList());
      }
      spec.commandLine().getOut().print(ManifestYaml.write(m));
      return 0;
    }
  }

  /** Assembles and renders {@code in}; problems are printed to {@code err}. */
  static Optional<Manifest> generate(InstallInputs in, PrintWriter err) {
    Optional<InstallSpec> merged = ProfileCommand.assemble(in, err);
    if (merged.isEmpty()) {
      return Optional.empty();
    }
    ManifestRenderer.Rendering r = ManifestRenderer.render(merged.get(), ClusterFacts.NONE);
    for (Diagnostic d : r.diagnostics()) {
      err.println("error: " + d);
    }
    return r.manifest();
  }

  /** {@code manifest diff A B}: objects on one side only and field differences of common objects. */
  @Command(name = "diff", description = "Compare two manifest files object by object and field by field.")
  static final class DiffCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "2", paramLabel = "FILE", description = "The two multi-document YAML files.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      List<List<ObjectNode>> sides = new ArrayList<>();
      for (Path f : files) {
        try {
          sides.add(ManifestYaml.read(Files.readString(f)));
        } catch (IOException e) {
          err.println("error: " + f + ": " + (e.getMessage() == null ? "cannot read file" : e.getMessage()));
          return 2;
        }
      }
      ManifestDiff diff = ManifestDiff.of(sides.get(0), sides.get(1));
      spec.commandLine().getOut().print(diff.render(files.get(0).toString(), files.get(1).toString()));
      return diff.identical() ? 0 : 1;
    }
  }
}
