package dev.meshwright.cli.serve;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.Severity;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshConfigYaml;
import dev.meshwright.inject.InjectionSettings;
import dev.meshwright.inject.webhook.SelfSignedCertificate;
import dev.meshwright.inject.webhook.SidecarMutator;
import dev.meshwright.inject.webhook.WebhookOptions;
import dev.meshwright.inject.webhook.WebhookServer;
import dev.meshwright.model.config.ConfigEvent;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.registry.RegistryOptions;
import dev.meshwright.model.snapshot.MeshConfigSource;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.xds.ca.CaOptions;
import dev.meshwright.xds.ca.CertificateAuthority;
import dev.meshwright.xds.ca.server.Authenticator;
import dev.meshwright.xds.ca.server.CaFiles;
import dev.meshwright.xds.ca.server.IstioCertificateService;
import dev.meshwright.xds.server.AdsOptions;
import dev.meshwright.xds.server.AdsServer;
import dev.meshwright.xds.server.JwksFetcher;
import dev.meshwright.xds.server.ConfigSource;
import dev.meshwright.xds.server.DebugServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded control plane {@code meshctl serve} runs: its input, a config directory (Istio config plus
 * ServiceEntry / WorkloadEntry or Service / Endpoints / Pod YAML, polled) or a cluster (watched through mesh-model's
 * Kubernetes source), feeds a {@link ConfigStore}; on every change a new {@link MeshSnapshot} is published to the
 * {@link AdsServer} (which debounces); the CA's CreateCertificate on the xDS port (callers authenticated by TokenReview
 * in a cluster); the debug port; the injection webhook. A file or object that does not read keeps the resources it
 * held (the last good config keeps serving) and is reported on {@code err}; a mesh config that does not read keeps
 * the previous one. Thread-safe: reloads are serialized; {@link #close()} stops everything (idempotent).
 */
public final class ServeRuntime implements AutoCloseable {
  private final ServeSettings settings;
  private final PrintWriter err;
  private final ConfigStore store = ConfigStore.builder().build();
  private final ConfigFeed feed;
  private final MeshTranslator translator;
  private MeshConfig meshConfig;
  private MeshSnapshot snapshot;
  private volatile boolean loaded;
  private AdsServer ads;
  private DebugServer debug;
  private WebhookServer webhook;
  private Path webhookCertDir;
  private volatile ScheduledExecutorService poller;
  private JwksFetcher jwks;
  private final AtomicBoolean woken = new AtomicBoolean();

  private ServeRuntime(ServeSettings settings, PrintWriter err) {
    this.settings = settings;
    this.err = err;
    RegistryOptions defaults = RegistryOptions.defaults();
    this.translator = MeshTranslator.create(
        new RegistryOptions(settings.domainSuffix(), defaults.trustDomain(), defaults.clusterId()));
    this.feed = settings.input() instanceof ServeSettings.Cluster c ? new ClusterFeed(c, store)
        : new DirectoryFeed((ServeSettings.Directory) settings.input(), store);
  }

  /**
   * Loads the input once and starts every server.
   *
   * @param source the generator behind ADS
   * @throws IOException when a port cannot be bound
   * @throws IllegalArgumentException when the directory, the cluster or the mesh config cannot be read at all, or the
   *     CA files are unusable
   */
  public static ServeRuntime start(ServeSettings settings, ConfigSource source, PrintWriter err) throws IOException {
    return start(settings, source, null, err);
  }

  /**
   * As {@link #start(ServeSettings, ConfigSource, PrintWriter)}, for a {@code source} whose generator inlines the key
   * sets {@code jwks} fetches: whenever one appears or changes, the config is translated anew and pushed to every
   * proxy ({@link AdsServer#publishFull}). The runtime closes {@code jwks} when it closes.
   */
  public static ServeRuntime start(ServeSettings settings, ConfigSource source, JwksFetcher jwks, PrintWriter err)
      throws IOException {
    ServeRuntime rt = new ServeRuntime(settings, err);
    rt.jwks = jwks;
    try {
      rt.startServers(source);
    } catch (IOException | RuntimeException e) {
      rt.close();
      throw e;
    }
    return rt;
  }

  private void startServers(ConfigSource source) throws IOException {
    report(feed.start().diagnostics());
    meshConfig = readMeshConfig().orElseThrow(() -> new IllegalArgumentException("the mesh config cannot be read"));
    snapshot = translator.translate(store.view(), meshConfig);
    report(snapshot.diagnostics());
    String trustDomain = meshConfig.trustDomain().orElse("cluster.local");
    CaOptions caOptions = CaOptions.defaults().withTrustDomain(trustDomain);
    CertificateAuthority ca = settings.caDir().filter(CaFiles::present)
        .map(d -> CaFiles.load(d, caOptions, Clock.systemUTC()))
        .orElseGet(() -> CertificateAuthority.selfSigned(caOptions, Clock.systemUTC()));
    Authenticator auth = feed.authenticator(trustDomain);
    AdsServer.Builder b = AdsServer.builder(source, snapshot)
        .options(AdsOptions.defaults().withHost(settings.host()).withPort(settings.xdsPort())
            .withDebounce(settings.debounceAfter(), Duration.ofSeconds(10)))
        .service(new IstioCertificateService(() -> ca, auth));
    if (feed.servesWorkloadKeys()) {
      b.workloadCertificates(() -> ca);
    }
    ads = b.start();
    debug = DebugServer.start(settings.host(), settings.debugPort(), ads, () -> loaded);
    if (settings.webhookPort().isPresent()) {
      webhook = startWebhook(settings.webhookPort().get());
    }
    loaded = true;
    poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "meshwright-serve-reload");
      t.setDaemon(true);
      return t;
    });
    long ms = Math.max(50, settings.pollInterval().toMillis());
    poller.scheduleWithFixedDelay(this::reloadQuietly, ms, ms, TimeUnit.MILLISECONDS);
    feed.onChange(this::wake);
    if (jwks != null) {
      jwks.onChange(this::republishFull);
    }
    wake();
  }

  /** Generation's inputs outside the config changed (a fetched key set): a new snapshot, pushed to every proxy. */
  private synchronized void republishFull() {
    if (ads == null) {
      return;
    }
    snapshot = translator.translate(store.view(), meshConfig);
    ads.publishFull(snapshot);
  }

  /** Has the reload thread apply the feed's changes soon (at most one wake-up queued at a time). */
  private void wake() {
    ScheduledExecutorService p = poller;
    if (p != null && woken.compareAndSet(false, true)) {
      try {
        p.execute(() -> {
          woken.set(false);
          reloadQuietly();
        });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // closing
      }
    }
  }

  private WebhookServer startWebhook(int port) throws IOException {
    webhookCertDir = Files.createTempDirectory("meshwright-webhook");
    SelfSignedCertificate.Pem pem = SelfSignedCertificate.generate(
        List.of("istiod.istio-system.svc", "localhost", "127.0.0.1"), SelfSignedCertificate.KeyType.EC_P256,
        Duration.ofDays(365), Clock.systemUTC());
    Path cert = webhookCertDir.resolve("cert.pem");
    Path key = webhookCertDir.resolve("key.pem");
    Files.writeString(cert, pem.certificatePem(), StandardCharsets.UTF_8);
    Files.writeString(key, pem.privateKeyPem(), StandardCharsets.UTF_8);
    return WebhookServer.start(WebhookOptions.of(cert, key).withHost(settings.host()).withPort(port),
        SidecarMutator.gated(InjectionSettings.defaults()));
  }

  private void reloadQuietly() {
    try {
      reload();
    } catch (RuntimeException e) {
      err.println("error: reload failed, the previous config keeps serving: " + e.getMessage());
      err.flush();
    }
  }

  /**
   * Brings the snapshot up to date with the input now (scans the directory; takes the changes a cluster watch has
   * delivered) and re-reads the mesh config; publishes a new snapshot when something changed. Returns whether it did.
   */
  public synchronized boolean reload() {
    ConfigFeed.Changes scan = feed.poll();
    report(scan.diagnostics());
    Optional<MeshConfig> mesh = readMeshConfig();
    MeshConfig nextMesh = mesh.orElse(meshConfig);
    if (scan.events().isEmpty() && nextMesh.equals(meshConfig)) {
      return false;
    }
    List<ConfigEvent> events = new ArrayList<>(scan.events());
    snapshot = translator.update(snapshot, store.view(), nextMesh, events);
    meshConfig = nextMesh;
    report(snapshot.diagnostics());
    ads.publish(snapshot);
    return true;
  }

  private Optional<MeshConfig> readMeshConfig() {
    MeshConfigs.Result r;
    if (settings.meshConfigFile().isPresent()) {
      Path f = settings.meshConfigFile().get();
      try {
        r = MeshConfigYaml.load(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
      } catch (IOException e) {
        report(List.of(new Diagnostic(Severity.ERROR, f.toString(), 0, 0, "", "", "", "",
            "cannot read file: " + e.getMessage())));
        return Optional.empty();
      }
    } else {
      r = MeshConfigSource.fromView(store.view(), MeshConfigSource.ISTIO_NAMESPACE, "");
    }
    if (r.hasErrors()) {
      report(r.diagnostics());
      return Optional.empty();
    }
    return r.meshConfig();
  }

  private void report(List<Diagnostic> diagnostics) {
    diagnostics.forEach(d -> err.println(d.format()));
    err.flush();
  }

  /** The snapshot being served. */
  public synchronized MeshSnapshot snapshot() {
    return snapshot;
  }

  /** The ADS server. */
  public AdsServer ads() {
    return ads;
  }

  /** The bound xDS port. */
  public int xdsPort() {
    return ads.port();
  }

  /** The bound debug port. */
  public int debugPort() {
    return debug.port();
  }

  /** The bound webhook port, if the webhook runs. */
  public Optional<Integer> webhookPort() {
    return Optional.ofNullable(webhook).map(WebhookServer::port);
  }

  /** Stops polling and every server: the webhook, the debug port, then ADS (streams end with UNAVAILABLE). */
  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
    feed.close();
    if (jwks != null) {
      jwks.close();
      jwks = null;
    }
    if (webhook != null) {
      webhook.close();
      webhook = null;
    }
    if (debug != null) {
      debug.close();
      debug = null;
    }
    if (ads != null) {
      ads.close();
      ads = null;
    }
    if (webhookCertDir != null) {
      try (var files = Files.list(webhookCertDir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
        Files.deleteIfExists(webhookCertDir);
      } catch (IOException e) {
        // a temp directory left behind is harmless
      }
      webhookCertDir = null;
    }
  }
}
