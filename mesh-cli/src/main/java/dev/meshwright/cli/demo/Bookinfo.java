package dev.meshwright.cli.demo;

import dev.meshwright.api.IstioResource;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.networking.Destination;
import dev.meshwright.api.networking.DestinationRule;
import dev.meshwright.api.networking.DestinationRuleSpec;
import dev.meshwright.api.networking.Gateway;
import dev.meshwright.api.networking.GatewaySpec;
import dev.meshwright.api.networking.HTTPMatchRequest;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.HTTPRouteDestination;
import dev.meshwright.api.networking.Port;
import dev.meshwright.api.networking.Server;
import dev.meshwright.api.networking.StringMatch;
import dev.meshwright.api.networking.Subset;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.api.networking.VirtualServiceSpec;
import dev.meshwright.api.security.AuthorizationPolicy;
import dev.meshwright.api.security.AuthorizationPolicySpec;
import dev.meshwright.api.security.MutualTls;
import dev.meshwright.api.security.Operation;
import dev.meshwright.api.security.PeerAuthentication;
import dev.meshwright.api.security.PeerAuthenticationSpec;
import dev.meshwright.api.security.Rule;
import dev.meshwright.api.security.Source;
import dev.meshwright.api.type.WorkloadSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Istio's Bookinfo sample as typed Meshwright resources: an ingress Gateway and its VirtualService,
 * subsets for every service, a reviews canary (user {@code jason} to v2, 10% of everyone else to v3),
 * mesh-wide strict mTLS and an authorization policy that lets only productpage call reviews.
 */
public final class Bookinfo {
  /** The namespace the sample lives in. */
  public static final String NAMESPACE = "bookinfo";

  private static final List<String> SERVICES = List.of("productpage", "reviews", "ratings", "details");

  private Bookinfo() {}

  /** Every resource of the sample, in apply order. */
  public static List<IstioResource<?>> resources() {
    List<IstioResource<?>> out = new ArrayList<>();
    out.add(gateway());
    out.add(ingressRoutes());
    out.add(reviewsCanary());
    for (String service : SERVICES) {
      out.add(subsets(service, service.equals("reviews") ? List.of("v1", "v2", "v3") : List.of("v1")));
    }
    out.add(strictMtls());
    out.add(reviewsCallers());
    return out;
  }

  static Gateway gateway() {
    return Gateway.builder()
        .metadata(ObjectMeta.of("bookinfo-gateway", NAMESPACE))
        .spec(GatewaySpec.builder()
            .putSelector("istio", "ingressgateway")
            .addServer(Server.builder().port(Port.of(8080, "HTTP", "http")).addHost("*").build())
            .build())
        .build();
  }

  static VirtualService ingressRoutes() {
    HTTPRoute.Builder route = HTTPRoute.builder().name("productpage");
    for (String path : List.of("/productpage", "/static", "/login", "/logout", "/api/v1/products")) {
      StringMatch uri = path.equals("/productpage") || path.equals("/login") || path.equals("/logout")
          ? StringMatch.exact(path) : StringMatch.prefix(path);
      route.addMatch(HTTPMatchRequest.builder().uri(uri).build());
    }
    route.addRoute(HTTPRouteDestination.to(Destination.of(host("productpage"))));
    return VirtualService.builder()
        .metadata(ObjectMeta.of("bookinfo", NAMESPACE))
        .spec(VirtualServiceSpec.builder()
            .addHost("*")
            .addGateway("bookinfo-gateway")
            .addHttp(route.build())
            .build())
        .build();
  }

  static VirtualService reviewsCanary() {
    return reviewsCanary("v3");
  }

  /** The reviews routes: user jason to v2, 10% of everyone else to {@code canary}. */
  private static VirtualService reviewsCanary(String canary) {
    String reviews = host("reviews");
    return VirtualService.builder()
        .metadata(ObjectMeta.of("reviews", NAMESPACE))
        .spec(VirtualServiceSpec.builder()
            .addHost(reviews)
            .addHttp(HTTPRoute.builder()
                .name("jason")
                .addMatch(HTTPMatchRequest.builder().putHeader("end-user", StringMatch.exact("jason")).build())
                .addRoute(HTTPRouteDestination.to(Destination.of(reviews, "v2")))
                .build())
            .addHttp(HTTPRoute.builder()
                .name("canary")
                .addRoute(HTTPRouteDestination.to(Destination.of(reviews, "v1"), 90))
                .addRoute(HTTPRouteDestination.to(Destination.of(reviews, canary), 10))
                .timeout(Duration.ofSeconds(10))
                .build())
            .build())
        .build();
  }

  static DestinationRule subsets(String service, List<String> versions) {
    DestinationRuleSpec.Builder spec = DestinationRuleSpec.builder().host(host(service));
    for (String v : versions) {
      spec.addSubset(Subset.builder().name(v).putLabel("version", v).build());
    }
    return DestinationRule.builder().metadata(ObjectMeta.of(service, NAMESPACE)).spec(spec.build()).build();
  }

  static PeerAuthentication strictMtls() {
    return PeerAuthentication.builder()
        .metadata(ObjectMeta.of("default", "istio-system"))
        .spec(PeerAuthenticationSpec.builder().mtls(MutualTls.of(MutualTls.Mode.STRICT)).build())
        .build();
  }

  static AuthorizationPolicy reviewsCallers() {
    return AuthorizationPolicy.builder()
        .metadata(ObjectMeta.of("reviews-callers", NAMESPACE))
        .spec(AuthorizationPolicySpec.builder()
            .selector(WorkloadSelector.of(Map.of("app", "reviews")))
            .action(AuthorizationPolicySpec.Action.ALLOW)
            .addRule(Rule.builder()
                .addFrom(Rule.From.of(Source.builder()
                    .addPrincipal("cluster.local/ns/" + NAMESPACE + "/sa/bookinfo-productpage").build()))
                .addTo(Rule.To.of(Operation.builder().addMethod("GET").build()))
                .build())
            .build())
        .build();
  }

  /**
   * The reviews canary with one deliberate mistake the analyzers catch (validation cannot: the field is well
   * formed): 10% go to subset {@code v4}, which no DestinationRule defines (IST0101).
   */
  public static VirtualService canaryToUndefinedSubset() {
    return reviewsCanary("v4");
  }

  /** A VirtualService with deliberate mistakes validation rejects, to show what it reports. */
  public static VirtualService broken() {
    String reviews = host("reviews");
    return VirtualService.builder()
        .metadata(ObjectMeta.of("reviews-typo", NAMESPACE))
        .spec(VirtualServiceSpec.builder()
            .addHost("reviews.bookinfo.svc.cluster.local.")
            .addHost("bad host!")
            .addHttp(HTTPRoute.builder()
                .addRoute(HTTPRouteDestination.to(Destination.of(reviews, "v1"), -10))
                .timeout(Duration.ofNanos(1500))
                .build())
            .build())
        .build();
  }

  /** The in-cluster host name of a Bookinfo service. */
  public static String host(String service) {
    return service + "." + NAMESPACE + ".svc.cluster.local";
  }
}
