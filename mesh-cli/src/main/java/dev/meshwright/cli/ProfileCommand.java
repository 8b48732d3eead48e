package dev.meshwright.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.install.Diagnostic;
import dev.meshwright.install.InstallInputs;
import dev.meshwright.install.InstallSpec;
import dev.meshwright.install.ProfileDiff;
import dev.meshwright.install.ProfileOutput;
import dev.meshwright.install.ProfileSource;
import dev.meshwright.install.SetFlag;
import dev.meshwright.install.TreePath;
import java.io.PrintWriter;
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
 * {@code meshctl profile list|dump|diff}: the IstioOperator profiles, as istioctl prints them. Exit codes:
 * 0 success, 1 bad input (unknown profile, bad file, bad {@code --set}), 2 usage error.
 */
@Command(name = "profile", description = "List, dump or diff IstioOperator profiles.",
    subcommands = {ProfileCommand.ListCommand.class, ProfileCommand.DumpCommand.class,
        ProfileCommand.DiffCommand.class})
final class ProfileCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options shared by the subcommands. */
  static final class Manifests {
    @Option(names = {"--manifests", "-d"}, description = "Directory holding profiles/ (default: built-in 1.22.8).")
    Path manifests;

    @Option(names = "--dry-run", description = "Accepted for istioctl compatibility; nothing is ever changed.")
    boolean dryRun;

    InstallInputs inputs() {
      InstallInputs in = InstallInputs.of().withResolver(InstallFiles.INSTANCE);
      return manifests == null ? in : in.withManifests(manifests.toString());
    }

    Optional<ProfileSource> source() {
      return manifests == null ? Optional.of(ProfileSource.builtin())
          : InstallFiles.INSTANCE.manifests(manifests.toString());
    }
  }

  /** {@code profile list}: one profile name per line. */
  @Command(name = "list", description = "List the available profiles.")
  static final class ListCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin Manifests manifests = new Manifests();

    @Override
    public Integer call() {
      Optional<ProfileSource> source = manifests.source();
      if (source.isEmpty()) {
        spec.commandLine().getErr().println("error: cannot read profiles from " + manifests.manifests);
        return 1;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("Istio configuration profiles:");
      source.get().names().forEach(n -> out.println("    " + n));
      return 0;
    }
  }

  /** {@code profile dump}: the merged IstioOperator of a profile, files and flags. */
  @Command(name = "dump", description = "Dump the merged IstioOperator of a profile, -f files and --set flags.")
  static final class DumpCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin Manifests manifests = new Manifests();

    @Parameters(arity = "0..1", paramLabel = "PROFILE", description = "Profile name (default: default).")
    String profile;

    @Option(names = {"-f", "--filename"}, description = "IstioOperator file to overlay (repeatable, in order).")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-s", "--set"}, description = "path=value override (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = {"-p", "--config-path"}, description = "Print only the subtree at this path.")
    String configPath = "";

    @Option(names = {"-o", "--output"}, description = "yaml (default), json or flags.")
    String output = "yaml";

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      if (profile != null && !files.isEmpty()) {
        err.println("error: cannot specify both profile name and filename flag");
        return 2;
      }
      if (!List.of("yaml", "json", "flags").contains(output)) {
        err.println("error: unknown output format " + output + " (yaml, json or flags)");
        return 2;
      }
      InstallInputs in = manifests.inputs();
      for (Path f : files) {
        in = InstallFiles.withFile(in, f);
      }
      if (profile != null) {
        in = in.withSet("profile=" + profile);
      }
      for (String s : sets) {
        in = in.withSet(s);
      }
      Optional<InstallSpec> merged = assemble(in, err);
      if (merged.isEmpty()) {
        return 1;
      }
      JsonNode specTree = merged.get().spec();
      JsonNode node = specTree;
      boolean whole = configPath.isEmpty();
      if (!whole) {
        Optional<JsonNode> sub = TreePath.parse(configPath).flatMap(p -> SetFlag.get(specTree, p));
        if (sub.isEmpty()) {
          err.println("error: no value at config path " + configPath);
          return 1;
        }
        node = sub.get();
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(switch (output) {
        case "json" -> ProfileOutput.json(node);
        case "flags" -> ProfileOutput.flags(node);
        default -> whole ? ProfileOutput.document(node, 2) : ProfileOutput.yaml(node, 2);
      });
      return 0;
    }
  }

  /** {@code profile diff A B}: a line diff of two merged profiles. */
  @Command(name = "diff", description = "Show the differences between two merged profiles.")
  static final class DiffCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin Manifests manifests = new Manifests();

    @Parameters(arity = "2", paramLabel = "PROFILE", description = "The two profiles to compare.")
    List<String> profiles = new ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      List<String> docs = new ArrayList<>();
      for (String p : profiles) {
        Optional<InstallSpec> merged = assemble(manifests.inputs().withSet("profile=" + p), err);
        if (merged.isEmpty()) {
          return 1;
        }
        docs.add(ProfileOutput.document(merged.get().spec(), 4));
      }
      spec.commandLine().getOut().print(ProfileDiff.diff(docs.get(0), docs.get(1)));
      return 0;
    }
  }

  static Optional<InstallSpec> assemble(InstallInputs in, PrintWriter err) {
    InstallInputs.Assembly a = in.assemble();
    for (Diagnostic d : a.diagnostics()) {
      err.println("error: " + d);
    }
    return a.spec();
  }
}
