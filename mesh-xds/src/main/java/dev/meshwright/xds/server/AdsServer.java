package dev.meshwright.xds.server;

import dev.meshwright.model.snapshot.MeshSnapshot;
import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.ca.CertificateAuthority;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The embeddable control plane's xDS server: ADS (SotW and Delta) and SDS on grpc-java, fed by a
 * {@link ConfigSource} and the snapshots given to {@link #publish}. Start one with
 * {@code AdsServer.builder(source, snapshot).options(AdsOptions.loopback()).start()}; {@link #port()} is the bound
 * port, {@link #close()} a graceful stop (streams are ended with UNAVAILABLE so proxies reconnect elsewhere).
 * {@link #status()} and {@link #configDump} are what {@code /debug/syncz} and {@code /debug/config_dump} serve.
 * A published snapshot reaches only the proxies the change affects (istiod's Sidecar-scope rule, see the package
 * documentation), and new streams' first syncs pass an adaptive admission limit ({@link AdmissionOptions}).
 * Thread-safe.
 */
public final class AdsServer implements AutoCloseable {
  private final Server server;
  private final PushPipeline pipeline;
  private final ExecutorService pushExecutor;
  private final ScheduledExecutorService timer;
  private final XdsMetrics metrics;

  private AdsServer(Server server, PushPipeline pipeline, ExecutorService pushExecutor, ScheduledExecutorService timer,
      XdsMetrics metrics) {
    this.server = server;
    this.pipeline = pipeline;
    this.pushExecutor = pushExecutor;
    this.timer = timer;
    this.metrics = metrics;
  }

  /** A builder serving {@code source} starting from {@code initial}. */
  public static Builder builder(ConfigSource source, MeshSnapshot initial) {
    return new Builder(source, initial);
  }

  /** The bound port. */
  public int port() {
    return server.getPort();
  }

  /**
   * Pushes a new snapshot (debounced); returns at once. What changed is worked out from the snapshots themselves:
   * only proxies the change affects are regenerated, and an endpoint-only change sends only EDS.
   */
  public void publish(MeshSnapshot snapshot) {
    pipeline.publish(snapshot, false);
  }

  /**
   * Pushes {@code snapshot} to every proxy with a full generation, whatever changed (debounced; returns at once):
   * for inputs of generation that are not in the snapshot, such as key sets a {@link JwksFetcher} fetched. Pass a
   * snapshot built anew (not the current instance), so nothing generated before the change is reused; as always,
   * only resources whose content changed are sent.
   */
  public void publishFull(MeshSnapshot snapshot) {
    pipeline.publish(snapshot, true);
  }

  /** The snapshot streams are generated from. */
  public MeshSnapshot current() {
    return pipeline.current();
  }

  /** Every connected stream, sorted by proxy name then stream ID. */
  public List<ProxyStatus> status() {
    List<ProxyStatus> out = new ArrayList<>();
    for (XdsStream s : pipeline.streams()) {
      out.add(s.status());
    }
    out.sort(Comparator.comparing(ProxyStatus::name).thenComparing(ProxyStatus::connectionId));
    return out;
  }

  /**
   * What the proxy holds from this server as Envoy's admin {@code config_dump}, private keys redacted.
   *
   * @param proxy a proxy name ({@code <pod>.<namespace>}), node ID or stream ID; the newest stream wins
   */
  public Optional<ConfigDump> configDump(String proxy) {
    XdsStream match = null;
    for (XdsStream s : pipeline.streams()) {
      ProxyStatus st = s.status();
      if (proxy.equals(st.name()) || proxy.equals(st.nodeId()) || proxy.equals(st.connectionId())) {
        if (match == null || match.id().compareTo(s.id()) < 0) {
          match = s;
        }
      }
    }
    return Optional.ofNullable(match)
        .map(s -> dev.meshwright.xds.ConfigDumps.of(HeldResources.of(s.held()), TypeUrls.PUSH_ORDER));
  }

  /** The server's metrics. */
  public XdsMetrics metrics() {
    return metrics;
  }

  /** Stops accepting streams, ends the open ones with UNAVAILABLE and waits briefly for them to close. */
  @Override
  public void close() {
    server.shutdown();
    for (XdsStream s : pipeline.streams()) {
      s.fail(Status.UNAVAILABLE.withDescription("control plane shutting down"));
    }
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      pushExecutor.shutdownNow();
      timer.shutdownNow();
    }
  }

  /** Configures and starts a server. Not thread-safe. */
  public static final class Builder {
    private final ConfigSource source;
    private final MeshSnapshot initial;
    private AdsOptions options = AdsOptions.defaults();
    private Scheduler scheduler;
    private final List<BindableService> services = new ArrayList<>();
    private Supplier<CertificateAuthority> workloadCa;

    private Builder(ConfigSource source, MeshSnapshot initial) {
      this.source = Objects.requireNonNull(source, "source");
      this.initial = Objects.requireNonNull(initial, "initial");
    }

    /** Listening and push options. */
    public Builder options(AdsOptions value) {
      options = Objects.requireNonNull(value);
      return this;
    }

    /** The debounce clock and timer (tests use a fake); default: a daemon timer thread. */
    public Builder scheduler(Scheduler value) {
      scheduler = Objects.requireNonNull(value);
      return this;
    }

    /** Another gRPC service on the same port (the CA's {@code IstioCertificateService}, for instance). */
    public Builder service(BindableService value) {
      services.add(Objects.requireNonNull(value));
      return this;
    }

    /**
     * Serves SDS {@code default} (a certificate and key for the proxy's SPIFFE identity) and {@code ROOTCA} from
     * this CA to proxies that ask the control plane for them over ADS or SDS. For trusted networks only.
     */
    public Builder workloadCertificates(Supplier<CertificateAuthority> ca) {
      workloadCa = Objects.requireNonNull(ca);
      return this;
    }

    /** Binds and starts. */
    public AdsServer start() throws IOException {
      ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("meshwright-xds-debounce"));
      ExecutorService push = Executors.newFixedThreadPool(options.pushThreads(), daemon("meshwright-xds-push"));
      XdsMetrics metrics = new XdsMetrics();
      ConfigSource effective = workloadCa == null ? source
          : new WorkloadSecrets(source, workloadCa, Clock.systemUTC());
      PushPipeline pipeline = new PushPipeline(effective, initial, options,
          scheduler != null ? scheduler : Scheduler.on(timer), push, metrics);
      NettyServerBuilder nb = NettyServerBuilder.forAddress(new InetSocketAddress(options.host(), options.port()))
          .addService(new AdsService(pipeline)).addService(new AdsService.Secrets(pipeline))
          .permitKeepAliveTime(10, TimeUnit.SECONDS).permitKeepAliveWithoutCalls(true)
          .maxInboundMessageSize(32 * 1024 * 1024);
      services.forEach(nb::addService);
      Server server = nb.build();
      try {
        server.start();
      } catch (IOException e) {
        push.shutdownNow();
        timer.shutdownNow();
        throw e;
      }
      return new AdsServer(server, pipeline, push, timer, metrics);
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
