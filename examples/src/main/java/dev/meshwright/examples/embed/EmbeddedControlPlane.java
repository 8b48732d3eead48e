package dev.meshwright.examples.embed;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.networking.Destination;
import dev.meshwright.api.networking.DestinationRule;
import dev.meshwright.api.networking.DestinationRuleSpec;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.HTTPRouteDestination;
import dev.meshwright.api.networking.Subset;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.api.networking.VirtualServiceSpec;
import dev.meshwright.examples.embed.Inventory.Instance;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsOptions;
import dev.meshwright.xds.istiod.Istiod;
import dev.meshwright.xds.server.AdsOptions;
import dev.meshwright.xds.server.AdsServer;
import dev.meshwright.xds.server.ConfigSource;
import dev.meshwright.xds.server.ProxyStatus;
import dev.meshwright.xds.server.ProxylessBootstrap;
import dev.meshwright.xds.server.SyncStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The control plane inside your own service, over your own registry: the platform's {@link Inventory} (a table of
 * instances with address, port and version, standing in for a database; no Kubernetes) becomes ServiceEntries, a
 * VirtualService splits {@code reviews} 80/20 between the subsets {@code v1} and {@code v2} of a DestinationRule,
 * and mesh-xds's {@link AdsServer} serves the resulting {@link MeshSnapshot} on a free loopback port with istiod's
 * generators. Four real gRPC backends run ({@link Backends}); the inventory lists three of them, and a real
 * grpc-java client that finds them through grpc-xds ({@link ProxylessCaller}) prints who answered.
 *
 * <p>Then the inventory changes (v1-b is drained, v2-b is added): a new snapshot goes out with
 * {@link AdsServer#publish} (the server sees only instances changed: only EDS is generated and sent) and the traffic
 * follows. Last the routing changes (v2 takes 100%), pushed with {@link AdsServer#publish} too. Everything is closed on return. Run it with
 * {@code bin/example embed}.
 */
public final class EmbeddedControlPlane {
  static final String SERVICE = "reviews";
  static final String HOST = InventoryMesh.host(SERVICE);
  private static final int CALLS = 200;
  private static final Duration WAIT = Duration.ofSeconds(20);

  private EmbeddedControlPlane() {}

  /**
   * What {@link #run} observed.
   *
   * @param splits how many calls each instance answered: with the first inventory, after the inventory change,
   *     after the routing change
   * @param ports the ports the control plane and the backends listened on (all closed when {@code run} returns)
   */
  public record Outcome(List<Map<String, Integer>> splits, List<Integer> ports) {}

  /** Routes {@code v2Percent} of {@code reviews} to subset v2 and the rest to v1, the subsets by label {@code version}. */
  public static List<IstioResource<?>> routing(int v2Percent) {
    VirtualService split = VirtualService.builder()
        .metadata(ObjectMeta.of(SERVICE, InventoryMesh.NAMESPACE))
        .spec(VirtualServiceSpec.builder()
            .addHost(HOST)
            .addHttp(HTTPRoute.builder().name("canary")
                .addRoute(HTTPRouteDestination.to(Destination.of(HOST, "v1"), 100 - v2Percent))
                .addRoute(HTTPRouteDestination.to(Destination.of(HOST, "v2"), v2Percent))
                .build())
            .build())
        .build();
    DestinationRule subsets = DestinationRule.builder()
        .metadata(ObjectMeta.of(SERVICE, InventoryMesh.NAMESPACE))
        .spec(DestinationRuleSpec.builder()
            .host(HOST)
            .addSubset(Subset.builder().name("v1").putLabel("version", "v1").build())
            .addSubset(Subset.builder().name("v2").putLabel("version", "v2").build())
            .build())
        .build();
    return List.of(split, subsets);
  }

  /** Runs the example, printing to {@code out}. */
  public static Outcome run(PrintStream out) throws IOException, InterruptedException {
    List<Map<String, Integer>> splits = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    try (Backends backends = Backends.start(List.of("reviews-v1-a", "reviews-v1-b", "reviews-v2-a", "reviews-v2-b"))) {
      ports.addAll(backends.ports().values());
      Inventory inventory = new Inventory(List.of(
          instance("reviews-v1-a", backends, "v1"), instance("reviews-v1-b", backends, "v1"),
          instance("reviews-v2-a", backends, "v2")));
      InventoryMesh mesh = new InventoryMesh(inventory, routing(20));
      mesh.current().diagnostics().forEach(d -> out.println("config problem: " + d.format()));

      try (AdsServer ads = AdsServer.builder(ConfigSource.of(Istiod.generator(XdsOptions.defaults())), mesh.current())
          .options(AdsOptions.loopback()).start()) {
        ports.add(ads.port());
        out.printf("control plane: ADS on 127.0.0.1:%d serving %s from the inventory:%n", ads.port(), HOST);
        inventory.rows().forEach(i -> out.printf("  %-13s %s:%d version=%s%n", i.name(), i.address(), i.port(),
            i.version()));
        ProxylessBootstrap storefront = ProxylessBootstrap.of("127.0.0.1:" + ads.port(), "storefront-1",
            InventoryMesh.NAMESPACE).withLabels(Map.of("app", "storefront"));
        try (ProxylessCaller caller = ProxylessCaller.connect(storefront, HOST + ":" + InventoryMesh.PORT)) {
          out.println("client " + storefront.nodeId() + " calls " + caller.target() + " through grpc-xds");
          await(ads, storefront, p -> List.of(TypeUrls.LISTENER, TypeUrls.ROUTE, TypeUrls.CLUSTER, TypeUrls.ENDPOINT)
              .stream().allMatch(t -> p.type(t).status() == SyncStatus.SYNCED && p.type(t).resources() > 0));
          splits.add(report(out, "1. VirtualService 80% v1 / 20% v2:", caller.call(CALLS)));

          Inventory next = inventory.minus("reviews-v1-b").plus(instance("reviews-v2-b", backends, "v2"));
          String eds = version(ads, storefront, TypeUrls.ENDPOINT);
          ads.publish(mesh.inventory(next));                // only instances changed: EDS only
          await(ads, storefront, p -> acked(p, TypeUrls.ENDPOINT, eds));
          splits.add(report(out, "2. inventory: reviews-v1-b drained, reviews-v2-b added (publish, EDS only):",
              caller.call(CALLS)));

          String rds = version(ads, storefront, TypeUrls.ROUTE);
          ads.publish(mesh.routing(routing(100)));          // config changed: every type is regenerated
          await(ads, storefront, p -> acked(p, TypeUrls.ROUTE, rds));
          splits.add(report(out, "3. VirtualService 100% v2 (publish):", caller.call(CALLS)));
        }
      }
    }
    out.println("closed: client, control plane and backends");
    return new Outcome(splits, ports);
  }

  private static Instance instance(String name, Backends backends, String version) {
    return new Instance(SERVICE, name, "127.0.0.1", backends.port(name), version);
  }

  private static Map<String, Integer> report(PrintStream out, String step, Map<String, Integer> split) {
    out.printf("%s%n   %d calls answered by %s%n", step, CALLS, split);
    return split;
  }

  private static boolean acked(ProxyStatus p, String typeUrl, String before) {
    return p.type(typeUrl).status() == SyncStatus.SYNCED && !p.type(typeUrl).version().equals(before);
  }

  private static String version(AdsServer ads, ProxylessBootstrap client, String typeUrl) {
    return ads.status().stream().filter(p -> p.nodeId().equals(client.nodeId())).findFirst()
        .map(p -> p.type(typeUrl).version()).orElse("");
  }

  /** Waits until the client's stream satisfies {@code done} (it ACKed what it was sent), then a little more. */
  private static void await(AdsServer ads, ProxylessBootstrap client, Predicate<ProxyStatus> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (ads.status().stream().anyMatch(p -> p.nodeId().equals(client.nodeId()) && done.test(p))) {
        Thread.sleep(100);     // the ACK is sent as the client's load balancer takes the update in
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("the client did not ACK within " + WAIT.toSeconds() + " s: " + ads.status());
  }

  /** Runs the example on loopback. */
  public static void main(String[] args) throws Exception {
    run(System.out);
  }
}
