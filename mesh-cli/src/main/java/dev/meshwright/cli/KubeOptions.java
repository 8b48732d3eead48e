package dev.meshwright.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The cluster options every command that talks to Kubernetes shares: {@code --kubeconfig} and
 * {@code --context}. Without them the usual lookup applies ({@code KUBECONFIG}, then {@code ~/.kube/config},
 * then the in-cluster service account).
 */
final class KubeOptions {
  @Option(names = {"-c", "--kubeconfig"}, description = "Kubernetes configuration file.")
  Path kubeconfig;

  @Option(names = "--context", description = "Name of the kubeconfig context to use.")
  String context;

  /** A client for the selected cluster; the caller closes it. */
  KubernetesClient open() throws IOException {
    if (kubeconfig != null && !Files.isReadable(kubeconfig)) {
      throw new IOException("cannot read kubeconfig " + kubeconfig);
    }
    Config config = kubeconfig == null ? Config.autoConfigure(context)
        : Config.fromKubeconfig(context, kubeconfig.toFile());
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
