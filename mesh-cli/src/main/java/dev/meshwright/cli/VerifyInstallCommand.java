package dev.meshwright.cli;

import dev.meshwright.install.apply.InstallVerifier;
import dev.meshwright.install.apply.ManifestObjects;
import dev.meshwright.install.apply.ProgressListener;
import dev.meshwright.install.apply.VerifyReport;
import dev.meshwright.install.render.Manifest;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code meshctl verify-install}: checks that every object the install options render exists on the
 * cluster and that its workloads and CRDs are ready. Exit 0 verified, 1 something is missing or not ready.
 */
@Command(name = "verify-install", description = "Verify that an install is present and ready on the cluster.")
final class VerifyInstallCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin InstallOverlay overlay = new InstallOverlay();
  @Mixin KubeOptions kube = new KubeOptions();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Manifest> manifest = overlay.render(err);
    if (manifest.isEmpty()) {
      return 1;
    }
    try (KubernetesClient client = kube.open()) {
      VerifyReport report = new InstallVerifier(client).verify(
          ManifestObjects.toFabric8(manifest.get(), client.getKubernetesSerialization()), ProgressListener.NONE);
      report.missing().forEach(ref -> err.println("error: " + ref + " not found"));
      report.notReady().forEach((ref, why) -> err.println("error: " + ref + " is not ready: " + why));
      if (!report.verified()) {
        err.println("error: " + (report.missing().size() + report.notReady().size()) + " of " + report.checked()
            + " objects failed verification");
        return 1;
      }
      out.println("✔ Istio is installed and verified successfully (" + report.checked() + " objects checked)");
      return 0;
    }
  }
}
