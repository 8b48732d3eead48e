package dev.meshwright.cli;

import dev.meshwright.install.InstallInputs;
import dev.meshwright.install.render.Manifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What to install, shared by {@code manifest generate}, {@code install}, {@code uninstall} and
 * {@code verify-install}: the profile directory, IstioOperator files ({@code -f}, in order),
 * {@code --set path=value} overrides and {@code --revision}.
 */
final class InstallOverlay {
  @Mixin ProfileCommand.Manifests manifests = new ProfileCommand.Manifests();

  @Option(names = {"-f", "--filename"}, description = "IstioOperator file to overlay (repeatable, in order).")
  List<Path> files = new ArrayList<>();

  @Option(names = {"-s", "--set"}, description = "path=value override (repeatable; last wins).")
  List<String> sets = new ArrayList<>();

  @Option(names = {"-r", "--revision"}, description = "Control plane revision (alias of --set revision=R).")
  String revision;

  /** The merged install inputs: profile, then files, then sets, then the revision. */
  InstallInputs inputs() {
    InstallInputs in = manifests.inputs();
    for (Path f : files) {
      in = InstallFiles.withFile(in, f);
    }
    for (String s : sets) {
      in = in.withSet(s);
    }
    if (revision != null && !revision.isEmpty() && !revision.equals("default")) {
      in = in.withSet("revision=" + revision);
    }
    return in;
  }

  /** The revision label value these options install: {@code default} unless one is named. */
  String revisionLabel() {
    return revision == null || revision.isEmpty() ? "default" : revision;
  }

  /** The rendered manifest, or empty after printing every problem to {@code err}. */
  Optional<Manifest> render(PrintWriter err) {
    return ManifestCommand.generate(inputs(), err);
  }
}
