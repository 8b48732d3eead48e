package dev.meshwright.cli;

import dev.meshwright.cli.demo.ProxylessClient;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.server.ProxyStatus;
import dev.meshwright.xds.server.SyncStatus;
import dev.meshwright.xds.server.TypeStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Steps 4 to 6 of {@code meshctl demo}, over a started {@link LiveMesh}: the control plane's ports, proxyless traffic
 * from productpage to reviews, then traffic shifted live by rewriting the VirtualService (v1 → 50/50 v1/v3 → v3) with
 * the split after each change and the {@code proxy-status} table; then a DestinationRule asks for Istio mTLS, which
 * the client (it has no workload certificates) NACKs: the control plane reports ERROR with the NACK text while traffic
 * keeps flowing on the last good config, and restoring the DestinationRule brings CDS back to SYNCED.
 */
final class LiveDemo {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /**
   * What the demo observed.
   *
   * @param splits the reviews versions that answered after each VirtualService (100% v1, 50/50 v1/v3, 100% v3)
   * @param nack the CDS NACK text of the ISTIO_MUTUAL DestinationRule
   * @param afterNack the split while the NACKed config was current
   * @param proxyStatus the {@code proxy-status} output while CDS was in ERROR
   * @param recovered the {@code proxy-status} output after the DestinationRule was restored
   */
  record Result(List<Map<String, Integer>> splits, String nack, Map<String, Integer> afterNack,
      String proxyStatus, String recovered) {}

  private final PrintWriter out;
  private final LiveMesh mesh;

  LiveDemo(PrintWriter out, LiveMesh mesh) {
    this.out = out;
    this.mesh = mesh;
  }

  Result run() throws IOException, InterruptedException {
    var rt = mesh.runtime();
    out.printf("4. Control plane: ADS + CA on 127.0.0.1:%d, debug endpoints on 127.0.0.1:%d, injection webhook on "
        + "127.0.0.1:%d%n", rt.xdsPort(), rt.debugPort(), rt.webhookPort().orElse(0));
    out.printf("5. Bookinfo traffic: reviews v1/v2/v3 are gRPC servers on 127.0.0.1:%s; productpage is a proxyless "
        + "gRPC client of xds:///%s:9080%n", mesh.servers().ports().values().stream().map(String::valueOf)
        .collect(Collectors.joining(", ")), LiveMesh.HOST);
    ProxylessClient productpage = mesh.client();
    await(p -> List.of(TypeUrls.LISTENER, TypeUrls.ROUTE, TypeUrls.CLUSTER, TypeUrls.ENDPOINT)
        .stream().allMatch(t -> synced(p.type(t)) && p.type(t).resources() > 0));
    List<Map<String, Integer>> splits = new ArrayList<>();
    splits.add(printSplit(Map.of("v1", 100), 200));
    out.println("6. Traffic shifted live: each change rewrites the VirtualService; the control plane pushes the new "
        + "routes");
    for (Map<String, Integer> weights : List.of(Map.of("v1", 50, "v3", 50), Map.of("v3", 100))) {
      String before = status(TypeUrls.ROUTE).version();
      mesh.apply("virtualservice.yaml", LiveBookinfo.virtualService(weights));
      await(p -> synced(p.type(TypeUrls.ROUTE)) && !p.type(TypeUrls.ROUTE).version().equals(before));
      splits.add(printSplit(weights, 400));
    }
    out.println("   bin/meshctl proxy-status:");
    indent(proxyStatus());

    mesh.apply("destinationrule.yaml", LiveBookinfo.istioMutual());
    await(p -> p.type(TypeUrls.CLUSTER).status() == SyncStatus.ERROR);
    String nack = status(TypeUrls.CLUSTER).error();
    out.println("   deliberate mistake: a DestinationRule asks for ISTIO_MUTUAL, but this proxyless client has no "
        + "workload certificates, so it NACKs the clusters:");
    String errorTable = proxyStatus();
    indent(errorTable);
    Map<String, Integer> after = productpage.send(200);
    out.println("   traffic keeps flowing on the last good config: " + calls(after));

    mesh.apply("destinationrule.yaml", LiveBookinfo.destinationRule(""));
    await(p -> synced(p.type(TypeUrls.CLUSTER)));
    String recovered = proxyStatus();
    out.println("   the DestinationRule is restored: CDS is " + status(TypeUrls.CLUSTER).status() + " again");
    out.flush();
    return new Result(splits, nack, after, errorTable, recovered);
  }

  private Map<String, Integer> printSplit(Map<String, Integer> weights, int calls) {
    Map<String, Integer> split = mesh.client().send(calls);
    out.printf("   VirtualService reviews: %-15s → %d calls: %s%n", LiveBookinfo.describe(weights), calls,
        calls(split));
    return split;
  }

  /** {@code reviews-v1=198, reviews-v3=202}. */
  private static String calls(Map<String, Integer> split) {
    return split.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }

  private void indent(String text) {
    text.lines().forEach(l -> out.println(l.isEmpty() ? "" : "     " + l));
  }

  private static boolean synced(TypeStatus t) {
    return t.status() == SyncStatus.SYNCED;
  }

  private TypeStatus status(String type) {
    return find().map(p -> p.type(type)).orElse(TypeStatus.notSent());
  }

  private Optional<ProxyStatus> find() {
    return mesh.runtime().ads().status().stream().filter(p -> p.nodeId().equals(mesh.client().nodeId())).findFirst();
  }

  private void await(Predicate<ProxyStatus> done) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (find().filter(done).isPresent()) {
        Thread.sleep(100);
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("the proxyless client did not converge within " + WAIT.toSeconds() + " s: "
        + find().map(Object::toString).orElse("not connected") + serveErrors());
  }

  private String serveErrors() {
    String e = mesh.serveErrors().strip();
    return e.isEmpty() ? "" : "; the control plane said: " + e;
  }

  /** The {@code proxy-status} table, as the command prints it, from the debug endpoint. */
  private String proxyStatus() throws IOException {
    StringWriter s = new StringWriter();
    ProxyStatusCommand.render(new DebugClient(mesh.debugAddress()).syncz(), new PrintWriter(s, true));
    return s.toString();
  }
}
