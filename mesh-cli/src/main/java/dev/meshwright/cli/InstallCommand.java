package dev.meshwright.cli;

import dev.meshwright.install.apply.ApplyMode;
import dev.meshwright.install.apply.ApplyOptions;
import dev.meshwright.install.apply.InstallReport;
import dev.meshwright.install.apply.Installer;
import dev.meshwright.install.apply.ManifestObjects;
import dev.meshwright.install.apply.Sleeper;
import dev.meshwright.install.render.Manifest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code meshctl install}: renders the install (profile, {@code -f}, {@code --set}, {@code --revision}) and
 * applies it to the cluster in dependency order, waiting for the control plane to become ready. Exit 0 when
 * everything is applied and ready, 1 on bad input or a failed install (re-run to converge), 2 usage error.
 */
@Command(name = "install", description = "Install Istio into the cluster in the current kubeconfig context.")
final class InstallCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin InstallOverlay overlay = new InstallOverlay();
  @Mixin KubeOptions kube = new KubeOptions();

  @Option(names = {"-y", "--skip-confirmation"}, description = "Accepted for istioctl compatibility; meshctl never prompts.")
  boolean skipConfirmation;

  @Option(names = "--readiness-timeout", defaultValue = "PT5M",
      description = "How long to wait for workloads to become ready (ISO-8601, e.g. PT5M; PT0S: do not wait).")
  Duration readinessTimeout;

  @Option(names = "--apply-mode", defaultValue = "SERVER_SIDE",
      description = "SERVER_SIDE (default) or CREATE_OR_REPLACE for API servers without server-side apply.")
  ApplyMode applyMode;

  @Option(names = {"-v", "--verbose"}, description = "Print every object as it is applied.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Manifest> manifest = overlay.render(err);
    if (manifest.isEmpty()) {
      return 1;
    }
    ApplyOptions options = ApplyOptions.defaults().withMode(applyMode).withReadinessTimeout(readinessTimeout);
    try (KubernetesClient client = kube.open()) {
      List<HasMetadata> objects = ManifestObjects.toFabric8(manifest.get(), client.getKubernetesSerialization());
      InstallReport report = new Installer(client, options, Clock.systemUTC(), Sleeper.SYSTEM)
          .install(objects, new PrintingProgress(out, "applying", verbose));
      report.notReady().forEach((ref, why) -> err.println("error: " + ref + " is not ready: " + why));
      report.failed().forEach((ref, why) -> err.println("error: " + ref + ": " + why));
      if (!report.succeeded()) {
        err.println("error: installation incomplete (" + report.summary() + "); run the install again to converge");
        return 1;
      }
      out.println("✔ Installation complete (" + report.summary() + ")");
      return 0;
    }
  }
}
