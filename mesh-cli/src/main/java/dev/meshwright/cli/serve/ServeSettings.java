package dev.meshwright.cli.serve;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code meshctl serve} runs. Immutable (a cluster input carries the caller's Kubernetes client, which the
 * runtime uses but does not close).
 *
 * @param input where config and the registry come from: a directory or a cluster
 * @param meshConfigFile a MeshConfig file over Istio's defaults, else the {@code istio} ConfigMap found in the
 *     input (in the cluster: {@code istio-system/istio})
 * @param host the address every port binds
 * @param xdsPort ADS (and the CA's CreateCertificate), 15010; 0 for an ephemeral port
 * @param debugPort the debug HTTP port, 15014; 0 for an ephemeral port
 * @param webhookPort the injection webhook's HTTPS port, 15017; 0 ephemeral; empty: no webhook
 * @param caDir a {@code cacerts} directory with a plugged-in CA; empty: a self-signed root
 * @param pollInterval how often the input is checked: the directory scanned, the mesh config file re-read (a
 *     cluster's changes arrive by watch at once)
 * @param debounceAfter the push debounce quiet period
 * @param domainSuffix the cluster's DNS suffix: Kubernetes Services are {@code name.namespace.svc.<suffix>}
 */
public record ServeSettings(Input input, Optional<Path> meshConfigFile, String host, int xdsPort, int debugPort,
    Optional<Integer> webhookPort, Optional<Path> caDir, Duration pollInterval, Duration debounceAfter,
    String domainSuffix) {
  public ServeSettings {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(meshConfigFile, "meshConfigFile");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(webhookPort, "webhookPort");
    Objects.requireNonNull(caDir, "caDir");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(debounceAfter, "debounceAfter");
    Objects.requireNonNull(domainSuffix, "domainSuffix");
  }

  /**
   * File mode ({@code serve --config DIR}) for domain suffix {@code cluster.local}, in the order of the command's
   * options.
   *
   * @param trustRequestedIdentity the static CA option: certify the identity a caller names, and serve workload keys
   *     over SDS (trusted networks only)
   */
  public ServeSettings(Path config, Optional<Path> meshConfigFile, String host, int xdsPort, int debugPort,
      Optional<Integer> webhookPort, Optional<Path> caDir, boolean trustRequestedIdentity, Duration pollInterval,
      Duration debounceAfter) {
    this(new Directory(config, trustRequestedIdentity ? CallerTrust.REQUESTED_IDENTITY : CallerTrust.NONE),
        meshConfigFile, host, xdsPort, debugPort, webhookPort, caDir, pollInterval, debounceAfter, "cluster.local");
  }

  /** Where config and the registry come from. */
  public sealed interface Input permits Directory, Cluster {}

  /** Whom the CA certifies in file mode. */
  public enum CallerTrust {
    /** Nobody: the CA refuses every CSR. */
    NONE,
    /** Whoever asks, for the identity they name; workload keys are served over SDS too. Trusted networks only. */
    REQUESTED_IDENTITY
  }

  /**
   * A directory of Istio config plus ServiceEntry / WorkloadEntry or Service / Endpoints / EndpointSlice / Pod YAML,
   * polled.
   *
   * @param dir the directory
   * @param callers whom the CA certifies
   */
  public record Directory(Path dir, CallerTrust callers) implements Input {
    public Directory {
      Objects.requireNonNull(dir, "dir");
      Objects.requireNonNull(callers, "callers");
    }
  }

  /**
   * A Kubernetes cluster, watched: Istio and Gateway API config, Services, EndpointSlices, Pods, Namespaces, Nodes
   * and the mesh ConfigMap. The CA authenticates callers by TokenReview.
   *
   * @param client the cluster's client (the caller's; not closed by the runtime)
   * @param tokenAudiences the audiences a CSR caller's token must carry, as istiod's {@code TOKEN_AUDIENCES}
   */
  public record Cluster(KubernetesClient client, List<String> tokenAudiences) implements Input {
    public Cluster {
      Objects.requireNonNull(client, "client");
      tokenAudiences = List.copyOf(tokenAudiences);
      if (tokenAudiences.isEmpty()) {
        throw new IllegalArgumentException("at least one token audience is needed");
      }
    }
  }
}
