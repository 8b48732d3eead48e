package dev.meshwright.cli;

import dev.meshwright.cli.serve.ServeRuntime;
import dev.meshwright.cli.serve.ServeSettings;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.istiod.Istiod;
import dev.meshwright.xds.server.ConfigSource;
import dev.meshwright.xds.server.JwksFetcher;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code meshctl serve --config DIR | --kubeconfig FILE [--context C]}: the embedded control plane. ADS (SotW and
 * Delta, plus the CA's {@code CreateCertificate}) on {@code --xds-port}, {@code /debug/syncz},
 * {@code /debug/config_dump}, {@code /ready} and {@code /metrics} on {@code --debug-port}, the injection webhook
 * (HTTPS, a self-signed certificate for {@code istiod.istio-system.svc}) on {@code --webhook-port}. DIR is re-scanned
 * every {@code --poll-interval}; a cluster is watched (Istio and Gateway API config, Services, EndpointSlices, Pods,
 * Namespaces, Nodes, the {@code istio-system/istio} ConfigMap) and its CSR callers authenticated by TokenReview. A
 * change publishes a new snapshot (debounced); a file or object that does not read is reported on stderr and the last
 * good config keeps serving. Prints one line with the bound ports, then runs until interrupted (SIGINT/SIGTERM close
 * every server gracefully). Exit 0 after a clean stop, 1 when DIR, the cluster or the mesh config cannot be read or a
 * port cannot be bound, 2 when not exactly one of {@code --config} and {@code --kubeconfig} is given.
 */
@Command(name = "serve",
    description = "Run the embedded control plane (ADS, CA, debug port, injection webhook) on a config directory or a cluster.")
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "DIR",
      description = "Directory of Istio and Kubernetes YAML (or --kubeconfig: watch a cluster).")
  Path config;

  @Mixin KubeOptions kube = new KubeOptions();

  @Option(names = "--token-audiences", split = ",", paramLabel = "AUD", defaultValue = "istio-ca",
      description = "With --kubeconfig: audiences a CSR caller's token must carry, as TOKEN_AUDIENCES (default: ${DEFAULT-VALUE}).")
  List<String> tokenAudiences;

  @Option(names = "--meshConfigFile", description = "Mesh config file (MeshConfig YAML), over Istio's defaults.")
  Path meshConfigFile;

  @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--xds-port", defaultValue = "15010", description = "ADS and CA port (default: ${DEFAULT-VALUE}; 0: any).")
  int xdsPort;

  @Option(names = "--debug-port", defaultValue = "15014", description = "Debug HTTP port (default: ${DEFAULT-VALUE}; 0: any).")
  int debugPort;

  @Option(names = "--webhook-port", defaultValue = "15017",
      description = "Injection webhook HTTPS port (default: ${DEFAULT-VALUE}; 0: any).")
  int webhookPort;

  @Option(names = "--no-webhook", description = "Do not run the injection webhook.")
  boolean noWebhook;

  @Option(names = "--ca-dir", paramLabel = "DIR",
      description = "Plugged-in CA (ca-cert.pem, ca-key.pem, root-cert.pem, cert-chain.pem); default: a self-signed root.")
  Path caDir;

  @Option(names = "--trust-requested-identity",
      description = "With --config: certify the identity a CSR caller names and serve workload keys over SDS. Trusted networks only.")
  boolean trustRequestedIdentity;

  @Option(names = "--domain-suffix", defaultValue = "cluster.local",
      description = "Kubernetes DNS suffix (default: ${DEFAULT-VALUE}).")
  String domainSuffix;

  @Option(names = "--poll-interval", defaultValue = "1s", converter = DurationConverter.class,
      description = "How often DIR (and --meshConfigFile) is re-read (default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Option(names = "--debounce", defaultValue = "100ms", converter = DurationConverter.class,
      description = "Quiet period before a change is pushed, as PILOT_DEBOUNCE_AFTER (default: ${DEFAULT-VALUE}).")
  Duration debounce;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> usage = usageError();
    if (usage.isPresent()) {
      err.println("error: " + usage.get());
      return 2;
    }
    if (config != null) {
      return serve(new ServeSettings.Directory(config, trustRequestedIdentity
          ? ServeSettings.CallerTrust.REQUESTED_IDENTITY : ServeSettings.CallerTrust.NONE), out, err);
    }
    KubernetesClient client;
    try {
      client = kube.open();
    } catch (IOException | RuntimeException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    try (client) {
      return serve(new ServeSettings.Cluster(client, tokenAudiences), out, err);
    }
  }

  /** Why the options do not make sense together, if they do not. */
  private Optional<String> usageError() {
    if ((config == null) == (kube.kubeconfig == null)) {
      return Optional.of("give exactly one of --config DIR (a config directory) and --kubeconfig FILE (a cluster)");
    }
    if (config != null && kube.context != null) {
      return Optional.of("--context selects a kubeconfig context; it needs --kubeconfig, not --config");
    }
    if (config == null && trustRequestedIdentity) {
      return Optional.of("--trust-requested-identity is for --config; with --kubeconfig the CA authenticates callers "
          + "by TokenReview");
    }
    if (tokenAudiences.stream().anyMatch(String::isBlank)) {
      return Optional.of("--token-audiences: an audience is empty");
    }
    return Optional.empty();
  }

  private int serve(ServeSettings.Input input, PrintWriter out, PrintWriter err) throws IOException {
    ServeSettings settings = new ServeSettings(input, Optional.ofNullable(meshConfigFile), host, xdsPort, debugPort,
        noWebhook ? Optional.empty() : Optional.of(webhookPort), Optional.ofNullable(caDir), pollInterval, debounce, domainSuffix);
    JwksFetcher jwks = JwksFetcher.start(JwksFetcher.Options.defaults());
    ConfigSource source = ConfigSource.of(Istiod.generator(XdsOptions.defaults().withDomainSuffix(domainSuffix), jwks));
    ServeRuntime rt;
    try {
      rt = ServeRuntime.start(settings, source, jwks, err);
    } catch (IllegalArgumentException | IOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      rt.close();
      stopped.countDown();
    }, "meshctl-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("serving: xds " + host + ":" + rt.xdsPort() + ", debug " + host + ":" + rt.debugPort()
        + rt.webhookPort().map(p -> ", webhook " + host + ":" + p).orElse(""));
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Runtime.getRuntime().removeShutdownHook(hook);
      rt.close();
    }
    return 0;
  }

  /** Parses {@code 100ms}, {@code 1s}, {@code 2m}. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim();
      try {
        if (v.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
          return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
        }
        if (v.endsWith("m")) {
          return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
      } catch (NumberFormatException e) {
        // fall through
      }
      throw new CommandLine.TypeConversionException("not a duration: '" + value + "' (use 100ms, 1s, 2m)");
    }
  }
}
