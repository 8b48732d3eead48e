package dev.meshwright.cli;

import dev.meshwright.cli.demo.ValueChanges;
import dev.meshwright.install.InstallInputs;
import dev.meshwright.install.InstallSpec;
import dev.meshwright.install.ProfileOutput;
import dev.meshwright.install.render.Component;
import dev.meshwright.install.render.Manifest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 1 of {@code meshctl demo}: the {@code demo} profile rendered as {@code meshctl manifest generate
 * --set profile=demo} renders it, summarised as objects per component, and the value paths it changes from
 * {@code default} (the short form of {@code meshctl profile diff default demo}).
 */
final class DemoInstall {
  private DemoInstall() {}

  /** Prints the step; the rendered manifest, or empty (after printing why) when the profile does not render. */
  static Optional<Manifest> run(PrintWriter out, PrintWriter err) {
    InstallInputs builtin = InstallInputs.of().withResolver(InstallFiles.INSTANCE);
    Optional<Manifest> rendered = ManifestCommand.generate(builtin.withSet("profile=demo"), err);
    Optional<InstallSpec> before = ProfileCommand.assemble(builtin.withSet("profile=default"), err);
    Optional<InstallSpec> after = ProfileCommand.assemble(builtin.withSet("profile=demo"), err);
    if (rendered.isEmpty() || before.isEmpty() || after.isEmpty()) {
      out.println("1. Install: the demo profile FAILED to render");
      return Optional.empty();
    }
    Manifest m = rendered.get();
    List<String> counts = new ArrayList<>();
    for (Component c : Component.values()) {
      int n = m.of(c).size();
      if (n > 0) {
        counts.add(c.displayName() + " " + n);
      }
    }
    out.printf("1. Install: the demo profile renders %d objects (bin/meshctl manifest generate --set profile=demo)%n",
        m.size());
    out.println("   by component: " + String.join(", ", counts));
    List<String> changes = ValueChanges.between(ProfileOutput.flags(before.get().spec()),
        ProfileOutput.flags(after.get().spec()));
    out.printf("   default → demo changes %d value path(s) (bin/meshctl profile diff default demo):%n", changes.size());
    changes.forEach(c -> out.println("     " + c));
    return rendered;
  }
}
