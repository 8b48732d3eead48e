package dev.meshwright.cli;

import dev.meshwright.cli.demo.ProxylessClient;
import dev.meshwright.cli.demo.ReviewsServers;
import dev.meshwright.cli.serve.ServeRuntime;
import dev.meshwright.cli.serve.ServeSettings;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.istiod.Istiod;
import dev.meshwright.xds.server.ConfigSource;
import dev.meshwright.xds.server.ProxyStatus;
import dev.meshwright.xds.server.SyncStatus;
import dev.meshwright.xds.server.TypeStatus;
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
import java.util.function.Predicate;

/**
 * Steps 4 to 6 of {@code meshctl demo}: the embedded control plane ({@link ServeRuntime}: ADS, CA, debug endpoints,
 * injection webhook) on free loopback ports over a config directory, Bookinfo's reviews v1/v2/v3 as in-process
 * gRPC servers, and productpage as a proxyless gRPC client that finds them through xDS. Traffic shifts live as the
 * VirtualService in the directory changes (v1 → 50/50 v1/v3 → v3); then a DestinationRule asks for Istio mTLS,
 * which the client (it has no workload certificates) NACKs: the control plane reports ERROR with the NACK text
 * while traffic keeps flowing on the last good config. Everything is closed on return.
 */
final class LiveDemo {
  static final String HOST = "reviews.bookinfo.svc.cluster.local";
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** What the demo observed: the split after each change, the NACK text and the last split. */
  record Result(List<Map<String, Integer>> splits, String nack, Map<String, Integer> afterNack,
      String proxyStatus) {}

  private final PrintWriter out;
  private final Path dir;

  LiveDemo(PrintWriter out, Path dir) {
    this.out = out;
    this.dir = dir;
  }

  Result run() throws IOException, InterruptedException {
    try (ReviewsServers servers = ReviewsServers.start(List.of("v1", "v2", "v3"))) {
      write("reviews.yaml", LiveBookinfo.reviews(servers.ports()));
      write("destinationrule.yaml", LiveBookinfo.destinationRule(""));
      write("virtualservice.yaml", LiveBookinfo.virtualService(Map.of("v1", 100)));
      ServeSettings settings = new ServeSettings(dir, Optional.empty(), "127.0.0.1", 0, 0, Optional.of(0),
          Optional.empty(), false, Duration.ofHours(1), Duration.ofMillis(50));
      StringWriter serveErrors = new StringWriter();
      try (ServeRuntime rt = ServeRuntime.start(settings,
          ConfigSource.of(Istiod.generator(XdsOptions.defaults())), new PrintWriter(serveErrors, true))) {
        out.printf("9. control plane: ADS + CA on 127.0.0.1:%d, debug on 127.0.0.1:%d, injection webhook on "
            + "127.0.0.1:%d; reviews v1/v2/v3 serving on %s%n", rt.xdsPort(), rt.debugPort(),
            rt.webhookPort().orElse(0), servers.ports());
        try (ProxylessClient productpage = ProxylessClient.connect(rt.xdsPort(), "productpage-v1-demo", "bookinfo",
            Map.of("app", "productpage", "version", "v1"), HOST + ":9080")) {
          return traffic(rt, productpage);
        }
      }
    }
  }

  private Result traffic(ServeRuntime rt, ProxylessClient productpage) throws IOException, InterruptedException {
    List<Map<String, Integer>> splits = new ArrayList<>();
    out.println("10. productpage calls xds:///" + HOST + ":9080 (proxyless gRPC)");
    await(rt, productpage, p -> List.of(TypeUrls.LISTENER, TypeUrls.ROUTE, TypeUrls.CLUSTER, TypeUrls.ENDPOINT)
        .stream().allMatch(t -> synced(p.type(t)) && p.type(t).resources() > 0));
    Map<String, Integer> first = productpage.send(200);
    splits.add(first);
    out.println("    VirtualService reviews → 100% v1:       " + first);
    for (Map<String, Integer> weights : List.of(Map.of("v1", 50, "v3", 50), Map.of("v3", 100))) {
      String before = status(rt, productpage, TypeUrls.ROUTE).version();
      write("virtualservice.yaml", LiveBookinfo.virtualService(weights));
      rt.reload();
      await(rt, productpage, p -> synced(p.type(TypeUrls.ROUTE)) && !p.type(TypeUrls.ROUTE).version().equals(before));
      Map<String, Integer> split = productpage.send(400);
      splits.add(split);
      out.println("11. VirtualService reviews → " + String.format("%-13s", LiveBookinfo.describe(weights)) + split);
    }
    String table = proxyStatus(rt);
    out.println("    meshctl proxy-status:");
    table.lines().forEach(l -> out.println("    " + l));
    write("destinationrule.yaml", LiveBookinfo.istioMutual());
    rt.reload();
    await(rt, productpage, p -> p.type(TypeUrls.CLUSTER).status() == SyncStatus.ERROR);
    String nack = status(rt, productpage, TypeUrls.CLUSTER).error();
    Map<String, Integer> after = productpage.send(200);
    out.println("12. deliberate mistake: a DestinationRule asks for ISTIO_MUTUAL, but this proxyless client has no "
        + "workload certificates, so it NACKs the clusters:");
    out.println("    CDS ERROR: " + nack);
    out.println("    traffic keeps flowing on the last good config: " + after);
    String errorTable = proxyStatus(rt);
    errorTable.lines().forEach(l -> out.println("    " + l));
    out.flush();
    return new Result(splits, nack, after, errorTable);
  }

  private static boolean synced(TypeStatus t) {
    return t.status() == SyncStatus.SYNCED;
  }

  private static TypeStatus status(ServeRuntime rt, ProxylessClient client, String type) {
    return find(rt, client).map(p -> p.type(type)).orElse(TypeStatus.notSent());
  }

  private static Optional<ProxyStatus> find(ServeRuntime rt, ProxylessClient client) {
    return rt.ads().status().stream().filter(p -> p.nodeId().equals(client.nodeId())).findFirst();
  }

  private static void await(ServeRuntime rt, ProxylessClient client, Predicate<ProxyStatus> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (find(rt, client).filter(done).isPresent()) {
        Thread.sleep(100);
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("the proxyless client did not converge within " + WAIT.toSeconds() + " s: "
        + find(rt, client).map(Object::toString).orElse("not connected"));
  }

  private static String proxyStatus(ServeRuntime rt) throws IOException {
    StringWriter s = new StringWriter();
    ProxyStatusCommand.render(new DebugClient("127.0.0.1:" + rt.debugPort()).syncz(), new PrintWriter(s, true));
    return s.toString();
  }

  private void write(String name, String yaml) throws IOException {
    Files.writeString(dir.resolve(name), yaml);
  }
}
