package dev.meshwright.cli.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code meshctl serve} runs. Immutable.
 *
 * @param config the config directory
 * @param meshConfigFile a MeshConfig file over Istio's defaults, else the {@code istio} ConfigMap found in the
 *     directory
 * @param host the address every port binds
 * @param xdsPort ADS (and the CA's CreateCertificate), 15010; 0 for an ephemeral port
 * @param debugPort the debug HTTP port, 15014; 0 for an ephemeral port
 * @param webhookPort the injection webhook's HTTPS port, 15017; 0 ephemeral; empty: no webhook
 * @param caDir a {@code cacerts} directory with a plugged-in CA; empty: a self-signed root
 * @param trustRequestedIdentity file mode's static CA option: certify the identity a caller names, and serve
 *     workload keys over SDS (trusted networks only)
 * @param pollInterval how often the directory is scanned
 * @param debounceAfter the push debounce quiet period
 */
public record ServeSettings(Path config, Optional<Path> meshConfigFile, String host, int xdsPort, int debugPort,
    Optional<Integer> webhookPort, Optional<Path> caDir, boolean trustRequestedIdentity, Duration pollInterval,
    Duration debounceAfter) {
  public ServeSettings {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(meshConfigFile, "meshConfigFile");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(webhookPort, "webhookPort");
    Objects.requireNonNull(caDir, "caDir");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(debounceAfter, "debounceAfter");
  }
}
