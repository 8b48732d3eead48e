package dev.meshwright.cli;

import dev.meshwright.install.apply.Precheck;
import dev.meshwright.install.apply.PrecheckMessage;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code meshctl x precheck}: whether Istio can be installed or upgraded on the cluster (Kubernetes
 * version, permissions, existing control planes). Exit 0 when nothing stops an install, 1 when an
 * {@code Error} is found.
 */
@Command(name = "precheck", description = "Check that the cluster is ready for an Istio install or upgrade.")
final class PrecheckCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin KubeOptions kube = new KubeOptions();

  @Option(names = {"-r", "--revision"}, defaultValue = "default", description = "Revision to be installed.")
  String revision;

  @Option(names = {"-i", "--istioNamespace"}, defaultValue = "istio-system", description = "Istio system namespace.")
  String namespace;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<PrecheckMessage> messages;
    try (KubernetesClient client = kube.open()) {
      messages = new Precheck(client).run(namespace, revision);
    }
    messages.forEach(out::println);
    if (messages.stream().anyMatch(PrecheckMessage::isError)) {
      return 1;
    }
    out.println("✔ No issues found when checking the cluster. Istio is safe to install or upgrade!");
    return 0;
  }
}
