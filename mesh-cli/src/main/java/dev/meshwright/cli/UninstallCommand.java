package dev.meshwright.cli;

import dev.meshwright.install.apply.ManifestObjects;
import dev.meshwright.install.apply.UninstallOptions;
import dev.meshwright.install.apply.UninstallReport;
import dev.meshwright.install.apply.Uninstaller;
import dev.meshwright.install.render.Manifest;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code meshctl uninstall}: removes an install in reverse dependency order. As with istioctl one of
 * {@code --purge} (everything Istio installed, CRDs included), {@code --revision R} (one control plane) or
 * {@code -f} (the objects that file renders, CRDs kept) is required. Namespaces are never deleted.
 * Exit 0 when every deletion worked (objects already gone count as done), 1 otherwise, 2 usage error.
 */
@Command(name = "uninstall", description = "Uninstall Istio from the cluster in the current kubeconfig context.")
final class UninstallCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin InstallOverlay overlay = new InstallOverlay();
  @Mixin KubeOptions kube = new KubeOptions();

  @Option(names = "--purge", description = "Remove every Istio resource, CRDs and other revisions included.")
  boolean purge;

  @Option(names = {"-y", "--skip-confirmation"}, description = "Accepted for istioctl compatibility; meshctl never prompts.")
  boolean skipConfirmation;

  @Option(names = {"-v", "--verbose"}, description = "Print every object as it is deleted.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!purge && overlay.revision == null && overlay.files.isEmpty()) {
      err.println("error: at least one of --purge, --revision or --filename is required");
      return 2;
    }
    Optional<Manifest> manifest = overlay.render(err);
    if (manifest.isEmpty()) {
      return 1;
    }
    UninstallOptions options = purge ? UninstallOptions.purgeAll()
        : overlay.revision != null ? UninstallOptions.revision(overlay.revisionLabel())
        : UninstallOptions.manifestOnly();
    try (KubernetesClient client = kube.open()) {
      UninstallReport report = new Uninstaller(client).uninstall(
          ManifestObjects.toFabric8(manifest.get(), client.getKubernetesSerialization()), options,
          new PrintingProgress(out, "removing", verbose));
      report.failed().forEach((ref, why) -> err.println("error: " + ref + ": " + why));
      if (!report.succeeded()) {
        err.println("error: uninstall incomplete (" + report.summary() + "); run it again to finish");
        return 1;
      }
      out.println("✔ Uninstall complete (" + report.summary() + ")");
      return 0;
    }
  }
}
