package dev.meshwright.cli;

import dev.meshwright.cli.demo.ProxylessClient;
import dev.meshwright.cli.demo.ReviewsServers;
import dev.meshwright.cli.serve.ServeRuntime;
import dev.meshwright.cli.serve.ServeSettings;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.istiod.Istiod;
import dev.meshwright.xds.server.ConfigSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running part of {@code meshctl demo}: a temporary config directory, Bookinfo's reviews v1/v2/v3 as in-process
 * gRPC servers on free loopback ports, the embedded control plane over the directory ({@link ServeRuntime}: ADS + CA,
 * debug endpoints, injection webhook, each on a free loopback port) and productpage, a proxyless gRPC client of
 * reviews connected to it. {@link #close()} stops all of it and deletes the directory; it is idempotent and safe
 * to call from a shutdown hook while another thread uses the mesh.
 */
final class LiveMesh implements AutoCloseable {
  static final String HOST = "reviews.bookinfo.svc.cluster.local";
  /** The client's proxy name, as {@code proxy-status} lists it and {@code proxy-config} takes it. */
  static final String PROXY = "productpage-v1-demo.bookinfo";

  private final Path dir;
  private final StringWriter serveErrors = new StringWriter();
  private ReviewsServers servers;
  private ServeRuntime runtime;
  private ProxylessClient client;
  private List<Integer> ports = List.of();
  private boolean closed;

  private LiveMesh(Path dir) {
    this.dir = dir;
  }

  /** Starts everything with reviews routed 100% to v1; on failure whatever started is closed again. */
  static LiveMesh start() throws IOException {
    LiveMesh mesh = new LiveMesh(Files.createTempDirectory("meshwright-demo"));
    try {
      mesh.open();
      return mesh;
    } catch (IOException | RuntimeException e) {
      mesh.close();
      throw e;
    }
  }

  private synchronized void open() throws IOException {
    servers = ReviewsServers.start(List.of("v1", "v2", "v3"));
    write("reviews.yaml", LiveBookinfo.reviews(servers.ports()));
    write("destinationrule.yaml", LiveBookinfo.destinationRule(""));
    write("virtualservice.yaml", LiveBookinfo.virtualService(Map.of("v1", 100)));
    ServeSettings settings = new ServeSettings(dir, Optional.empty(), "127.0.0.1", 0, 0, Optional.of(0),
        Optional.empty(), false, Duration.ofSeconds(1), Duration.ofMillis(50));
    runtime = ServeRuntime.start(settings, ConfigSource.of(Istiod.generator(XdsOptions.defaults())),
        new PrintWriter(serveErrors, true));
    client = ProxylessClient.connect(runtime.xdsPort(), "productpage-v1-demo", "bookinfo",
        Map.of("app", "productpage", "version", "v1"), HOST + ":9080");
    List<Integer> all = new ArrayList<>(List.of(runtime.xdsPort(), runtime.debugPort()));
    runtime.webhookPort().ifPresent(all::add);
    all.addAll(servers.ports().values());
    ports = List.copyOf(all);
  }

  ServeRuntime runtime() {
    return runtime;
  }

  ProxylessClient client() {
    return client;
  }

  ReviewsServers servers() {
    return servers;
  }

  /** The config directory the control plane serves from. */
  Path dir() {
    return dir;
  }

  /** The debug address {@code proxy-status} and {@code proxy-config} take as {@code --xds-address}. */
  String debugAddress() {
    return "127.0.0.1:" + runtime.debugPort();
  }

  /** Every port the mesh listens on: ADS, debug, webhook, then the reviews servers. */
  List<Integer> ports() {
    return ports;
  }

  /** What the control plane reported on its error stream (reload and config problems), if anything. */
  String serveErrors() {
    return serveErrors.toString();
  }

  /** Replaces one file of the config directory and reloads it now (instead of waiting for the poll). */
  void apply(String name, String yaml) throws IOException {
    write(name, yaml);
    runtime.reload();
  }

  private void write(String name, String yaml) throws IOException {
    Files.writeString(dir.resolve(name), yaml);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (client != null) {
      client.close();
    }
    if (runtime != null) {
      runtime.close();
    }
    if (servers != null) {
      servers.close();
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
