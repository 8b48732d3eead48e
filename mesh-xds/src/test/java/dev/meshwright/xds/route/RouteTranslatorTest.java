package dev.meshwright.xds.route;

import static dev.meshwright.xds.route.RouteFixtures.proxy;
import static dev.meshwright.xds.route.RouteFixtures.service;
import static dev.meshwright.xds.route.RouteFixtures.sidecar;
import static dev.meshwright.xds.route.RouteFixtures.vs;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.Duration;
import com.google.protobuf.Struct;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.Value;
import dev.meshwright.api.networking.VirtualService;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.route.v3.Decorator;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RouteTranslatorTest {
  private static final String HOST = "reviews.shop.svc.corp.example";

  private static List<Route> routes(String yaml, RouteContext ctx) {
    return RouteTranslator.translate(vs(yaml), ctx).routes();
  }

  private static String vsYaml(String http) {
    return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: reviews-vs, namespace: shop}\n"
        + "spec:\n  hosts: [reviews]\n  http:\n" + http;
  }

  @Test
  @DisplayName("a plain rule routes to outbound|port|subset|FQDN with Istio's defaults: no timeout, default retries, "
      + "config metadata and a host:port decorator")
  @SuppressWarnings("deprecation")
  void plainRule() {
    List<Route> out = routes(vsYaml("  - name: main\n    route: [{destination: {host: reviews, subset: v2}}]\n"),
        sidecar(proxy("shop", Map.of()), 9080, service("reviews", "shop", "10.0.0.7", 9080)));
    String cluster = "outbound|9080|v2|" + HOST;
    Route expected = Route.newBuilder().setName("main").setMatch(RouteMatch.newBuilder().setPrefix("/"))
        .setMetadata(Metadata.newBuilder().putFilterMetadata("istio", Struct.newBuilder().putFields("config",
            Value.newBuilder().setStringValue("/apis/networking.istio.io/v1alpha3/namespaces/shop/virtual-service/"
                + "reviews-vs").build()).build()))
        .setRoute(RouteAction.newBuilder().setCluster(cluster).setRetryPolicy(Retries.defaultPolicy())
            .setTimeout(Duration.getDefaultInstance()).setMaxGrpcTimeout(Duration.getDefaultInstance()))
        .setDecorator(Decorator.newBuilder().setOperation(HOST + ":9080/*")).build();
    assertThat(out).containsExactly(expected);
  }

  @Test
  @DisplayName("matches: path kinds, headers sorted with withoutHeaders inverted, presence for empty and '*', "
      + "pseudo-headers after, query parameters, ignoreUriCase")
  void matches() {
    List<Route> out = routes(vsYaml("""
          - match:
            - name: a
              uri: {prefix: /api}
              headers: {x-b: {exact: one}, x-a: {regex: "*"}}
              withoutHeaders: {x-c: {prefix: bad}, x-d: {}}
              method: {exact: GET}
              authority: {prefix: shop}
              scheme: {exact: https}
              queryParams: {v: {exact: "2"}, debug: {}}
              ignoreUriCase: true
            - uri: {exact: /exact}
            - uri: {regex: "/r/[0-9]+"}
            route: [{destination: {host: reviews}}]
        """), sidecar(proxy("shop", Map.of()), 9080, service("reviews", "shop", "10.0.0.7", 9080)));
    assertThat(out).hasSize(3);
    assertThat(out.get(0).getName()).isEqualTo(".a");
    RouteMatch first = RouteMatch.newBuilder().setPrefix("/api")
        .addHeaders(HeaderMatcher.newBuilder().setName("x-a").setPresentMatch(true))
        .addHeaders(HeaderMatcher.newBuilder().setName("x-b").setStringMatch(StringMatcher.newBuilder().setExact("one")))
        .addHeaders(HeaderMatcher.newBuilder().setName("x-c").setStringMatch(StringMatcher.newBuilder().setPrefix("bad"))
            .setInvertMatch(true).setTreatMissingHeaderAsEmpty(true))
        .addHeaders(HeaderMatcher.newBuilder().setName("x-d").setPresentMatch(true).setInvertMatch(true))
        .setCaseSensitive(BoolValue.of(false))
        .addHeaders(HeaderMatcher.newBuilder().setName(":method").setStringMatch(StringMatcher.newBuilder().setExact("GET")))
        .addHeaders(HeaderMatcher.newBuilder().setName(":authority")
            .setStringMatch(StringMatcher.newBuilder().setPrefix("shop")))
        .addHeaders(HeaderMatcher.newBuilder().setName(":scheme")
            .setStringMatch(StringMatcher.newBuilder().setExact("https")))
        .addQueryParameters(QueryParameterMatcher.newBuilder().setName("debug").setPresentMatch(true))
        .addQueryParameters(QueryParameterMatcher.newBuilder().setName("v")
            .setStringMatch(StringMatcher.newBuilder().setExact("2")))
        .build();
    assertThat(out.get(0).getMatch()).isEqualTo(first);
    assertThat(out.get(0).getDecorator().getOperation()).isEqualTo(HOST + ":9080/api*");
    assertThat(out.get(1).getMatch()).isEqualTo(RouteMatch.newBuilder().setPath("/exact")
        .setCaseSensitive(BoolValue.of(true)).build());
    assertThat(out.get(1).getName()).isEmpty();
    assertThat(out.get(2).getMatch().getSafeRegex()).isEqualTo(RegexMatcher.newBuilder().setRegex("/r/[0-9]+").build());
    assertThat(out.get(2).getDecorator().getOperation()).isEqualTo(HOST + ":9080/r/[0-9]+");
  }

  @Test
  @DisplayName("a JWT claim header becomes a dynamic metadata matcher on the jwt_authn payload")
  void claimMatch() {
    List<Route> out = routes(vsYaml("""
          - match: [{headers: {"@request.auth.claims.group": {exact: admin}}}]
            route: [{destination: {host: reviews}}]
        """), sidecar(proxy("shop", Map.of()), 9080));
    RouteMatch m = out.get(0).getMatch();
    assertThat(m.getHeadersList()).isEmpty();
    assertThat(m.getDynamicMetadata(0).getFilter()).isEqualTo("envoy.filters.http.jwt_authn");
    assertThat(m.getDynamicMetadata(0).getPathList()).extracting(s -> s.getKey()).containsExactly("payload", "group");
    assertThat(m.getDynamicMetadata(0).getValue().getOrMatch().getValueMatchers(1).getStringMatch().getExact())
        .isEqualTo("admin");
  }

  @Test
  @DisplayName("a match applies only on its port, to proxies with its source labels and namespace, for its gateways")
  void sourceAndPortGates() {
    String yaml = vsYaml("""
          - match: [{uri: {prefix: /a}, port: 9080, sourceLabels: {app: web}, sourceNamespace: shop}]
            route: [{destination: {host: reviews, subset: a}}]
          - match: [{uri: {prefix: /b}, gateways: [ingress]}]
            route: [{destination: {host: reviews, subset: b}}]
          - route: [{destination: {host: reviews, subset: c}}]
        """);
    RouteContext web = sidecar(proxy("shop", Map.of("app", "web", "v", "1")), 9080);
    assertThat(routes(yaml, web)).extracting(r -> r.getRoute().getCluster())
        .containsExactly("outbound|9080|a|" + HOST, "outbound|9080|c|" + HOST);
    assertThat(routes(yaml, web.withListenPort(8000))).extracting(r -> r.getRoute().getCluster())
        .containsExactly("outbound|8000|c|" + HOST);
    assertThat(routes(yaml, sidecar(proxy("ops", Map.of("app", "web")), 9080)))
        .extracting(r -> r.getRoute().getCluster()).containsExactly("outbound|9080|c|" + HOST);
    RouteContext gw = RouteContext.gateway(proxy("shop", Map.of()), 80, java.util.Set.of("shop/ingress"), Map.of(),
        RouteFixtures.MESH, RouteFixtures.SUFFIX, RouteContext.ListenerTls.PLAINTEXT);
    assertThat(routes(yaml, gw)).extracting(r -> r.getRoute().getCluster())
        .containsExactly("outbound|80|b|" + HOST, "outbound|80|c|" + HOST);
  }

  @Test
  @DisplayName("routes stop after the first catch-all match; later rules are not emitted")
  void catchAllStops() {
    List<Route> out = routes(vsYaml("""
          - match: [{uri: {prefix: /}}, {uri: {prefix: /never}}]
            route: [{destination: {host: reviews}}]
          - route: [{destination: {host: other}}]
        """), sidecar(proxy("shop", Map.of()), 9080));
    assertThat(out).hasSize(1);
  }

  @Test
  @DisplayName("destination port: the destination's, else the service's only port, else the listener port; "
      + "an ExternalName alias routes to its target")
  void destinationPorts() {
    RouteContext ctx = RouteContext.gateway(proxy("shop", Map.of()), 443, java.util.Set.of("shop/gw"),
        RouteFixtures.byHost(service("one", "shop", "10.0.0.1", 7000), service("two", "shop", "10.0.0.2", 80, 81)),
        RouteFixtures.MESH, RouteFixtures.SUFFIX, RouteContext.ListenerTls.PLAINTEXT);
    List<Route> out = routes(vsYaml("""
          - match: [{uri: {prefix: /a}}]
            route: [{destination: {host: one}}]
          - match: [{uri: {prefix: /b}}]
            route: [{destination: {host: two}}]
          - match: [{uri: {prefix: /c}}]
            route: [{destination: {host: two, port: {number: 81}}}]
          - match: [{uri: {prefix: /d}}]
            route: [{destination: {host: api.example.org}}]
        """), ctx);
    assertThat(out).extracting(r -> r.getRoute().getCluster()).containsExactly(
        "outbound|7000||one.shop.svc.corp.example", "outbound|443||two.shop.svc.corp.example",
        "outbound|81||two.shop.svc.corp.example", "outbound|443||api.example.org");
  }

  @Test
  @DisplayName("weighted destinations become weighted clusters (0 weights dropped) carrying their own headers and "
      + "authority; the decorator then names the VirtualService")
  void weighted() {
    List<Route> out = routes(vsYaml("""
          - route:
            - {destination: {host: reviews, subset: v1}, weight: 90,
               headers: {request: {set: {x-v: one, host: v1.internal}}}}
            - {destination: {host: reviews, subset: v2}, weight: 10}
            - {destination: {host: reviews, subset: v3}, weight: 0}
        """), sidecar(proxy("shop", Map.of()), 9080));
    RouteAction a = out.get(0).getRoute();
    assertThat(a.getWeightedClusters()).isEqualTo(WeightedCluster.newBuilder()
        .addClusters(WeightedCluster.ClusterWeight.newBuilder().setName("outbound|9080|v1|" + HOST)
            .setWeight(UInt32Value.of(90)).addRequestHeadersToAdd(io.envoyproxy.envoy.config.core.v3.HeaderValueOption
                .newBuilder().setHeader(io.envoyproxy.envoy.config.core.v3.HeaderValue.newBuilder().setKey("x-v")
                    .setValue("one")).setAppendAction(io.envoyproxy.envoy.config.core.v3.HeaderValueOption
                    .HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD))
            .setHostRewriteLiteral("v1.internal"))
        .addClusters(WeightedCluster.ClusterWeight.newBuilder().setName("outbound|9080|v2|" + HOST)
            .setWeight(UInt32Value.of(10)))
        .build());
    assertThat(out.get(0).getDecorator().getOperation()).isEqualTo("reviews-vs:9080/*");
  }

  @Test
  @DisplayName("timeout is copied to max_grpc_timeout for Envoy and to max_stream_duration for proxyless gRPC")
  @SuppressWarnings("deprecation")
  void timeouts() {
    String yaml = vsYaml("  - timeout: 2.5s\n    route: [{destination: {host: reviews}}]\n");
    Duration d = Duration.newBuilder().setSeconds(2).setNanos(500_000_000).build();
    RouteAction envoy = routes(yaml, sidecar(proxy("shop", Map.of()), 9080)).get(0).getRoute();
    assertThat(envoy.getTimeout()).isEqualTo(d);
    assertThat(envoy.getMaxGrpcTimeout()).isEqualTo(d);
    assertThat(envoy.hasMaxStreamDuration()).isFalse();
    RouteAction grpc = routes(yaml, sidecar(RouteFixtures.grpcProxy("shop"), 9080)).get(0).getRoute();
    assertThat(grpc.getMaxStreamDuration().getMaxStreamDuration()).isEqualTo(d);
    assertThat(grpc.hasMaxGrpcTimeout()).isFalse();
  }

  @Test
  @DisplayName("rewrite: prefix, authority (over a header-set host), and regex rewrite")
  void rewrites() {
    List<Route> out = routes(vsYaml("""
          - match: [{uri: {prefix: /old}}]
            rewrite: {uri: /new, authority: new.example.org}
            headers: {request: {set: {host: ignored.example.org}}}
            route: [{destination: {host: reviews}}]
          - match: [{uri: {prefix: /re}}]
            rewrite: {uriRegexRewrite: {match: "^/re/(.*)", rewrite: "/\\\\1"}}
            route: [{destination: {host: reviews}}]
          - headers: {request: {add: {":authority": from-header.example.org}}}
            route: [{destination: {host: reviews}}]
        """), sidecar(proxy("shop", Map.of()), 9080));
    assertThat(out.get(0).getRoute().getPrefixRewrite()).isEqualTo("/new");
    assertThat(out.get(0).getRoute().getHostRewriteLiteral()).isEqualTo("new.example.org");
    assertThat(out.get(0).getRequestHeadersToAddList()).isEmpty();
    assertThat(out.get(1).getRoute().getRegexRewrite().getPattern().getRegex()).isEqualTo("^/re/(.*)");
    assertThat(out.get(1).getRoute().getRegexRewrite().getSubstitution()).isEqualTo("/\\1");
    assertThat(out.get(2).getRoute().getHostRewriteLiteral()).isEqualTo("from-header.example.org");
  }

  @Test
  @DisplayName("header manipulation: set overwrites, add appends, each sorted; removes keep pseudo-headers out; "
      + "a single destination's headers follow the rule's")
  void headers() {
    Route r = routes(vsYaml("""
          - headers:
              request: {set: {x-z: "1", x-a: "2"}, add: {x-m: "3"}, remove: [x-old, ":path"]}
              response: {set: {x-r: "4"}, remove: [server]}
            route:
            - destination: {host: reviews}
              headers: {request: {add: {x-dest: "5"}}, response: {remove: [x-internal]}}
        """), sidecar(proxy("shop", Map.of()), 9080)).get(0);
    assertThat(r.getRequestHeadersToAddList()).extracting(h -> h.getHeader().getKey() + "=" + h.getAppendAction())
        .containsExactly("x-a=OVERWRITE_IF_EXISTS_OR_ADD", "x-z=OVERWRITE_IF_EXISTS_OR_ADD",
            "x-m=APPEND_IF_EXISTS_OR_ADD", "x-dest=APPEND_IF_EXISTS_OR_ADD");
    assertThat(r.getRequestHeadersToRemoveList()).containsExactly("x-old");
    assertThat(r.getResponseHeadersToAddList()).extracting(h -> h.getHeader().getKey()).containsExactly("x-r");
    assertThat(r.getResponseHeadersToRemoveList()).containsExactly("server", "x-internal");
  }

  @Test
  @DisplayName("fault delay/abort and CORS become typed_per_filter_config of the fault and cors filters")
  void faultAndCors() throws Exception {
    Route r = routes(vsYaml("""
          - fault:
              delay: {fixedDelay: 3s, percentage: {value: 12.5}}
              abort: {grpcStatus: UNAVAILABLE, percentage: {value: 50}}
            corsPolicy:
              allowOrigins: [{exact: "https://a.example"}, {regex: ".*\\\\.b\\\\.example"}]
              allowMethods: [GET, POST]
              allowHeaders: [x-a, x-b]
              exposeHeaders: [x-c]
              maxAge: 24h
              allowCredentials: true
            route: [{destination: {host: reviews}}]
        """), sidecar(proxy("shop", Map.of()), 9080)).get(0);
    var fault = r.getTypedPerFilterConfigOrThrow("envoy.filters.http.fault")
        .unpack(io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault.class);
    assertThat(fault.getDelay().getFixedDelay().getSeconds()).isEqualTo(3);
    assertThat(fault.getDelay().getPercentage().getNumerator()).isEqualTo(125_000);
    assertThat(fault.getDelay().getPercentage().getDenominator().name()).isEqualTo("MILLION");
    assertThat(fault.getAbort().getGrpcStatus()).isEqualTo(14);
    assertThat(fault.getAbort().getPercentage().getNumerator()).isEqualTo(500_000);
    var cors = r.getTypedPerFilterConfigOrThrow("envoy.filters.http.cors")
        .unpack(io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy.class);
    assertThat(cors.getAllowOriginStringMatchList()).containsExactly(
        StringMatcher.newBuilder().setExact("https://a.example").build(),
        StringMatcher.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex(".*\\.b\\.example")).build());
    assertThat(cors.getAllowMethods()).isEqualTo("GET,POST");
    assertThat(cors.getAllowHeaders()).isEqualTo("x-a,x-b");
    assertThat(cors.getExposeHeaders()).isEqualTo("x-c");
    assertThat(cors.getMaxAge()).isEqualTo("86400");
    assertThat(cors.getAllowCredentials().getValue()).isTrue();
    assertThat(cors.getFilterEnabled().getDefaultValue().getNumerator()).isEqualTo(100);
  }

  @Test
  @DisplayName("an exponential delay and an HTTP/2 error abort are unsupported: the fault config is left empty")
  void unsupportedFault() throws Exception {
    Route r = routes(vsYaml("""
          - fault: {delay: {exponentialDelay: 1s}, abort: {http2Error: REFUSED_STREAM}}
            route: [{destination: {host: reviews}}]
        """), sidecar(proxy("shop", Map.of()), 9080)).get(0);
    assertThat(r.getTypedPerFilterConfigOrThrow("envoy.filters.http.fault")).isEqualTo(
        Any.pack(io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault.getDefaultInstance()));
  }

  @Test
  @DisplayName("mirror and mirrors: 100% by default, mirrorPercentage in millionths, an explicit 0 mirrors nothing")
  void mirrors() {
    List<Route> out = routes(vsYaml("""
          - match: [{uri: {prefix: /a}}]
            mirror: {host: shadow, subset: s}
            mirrorPercentage: {value: 5}
            mirrors:
            - destination: {host: audit.ops.svc.corp.example, port: {number: 7070}}
            - destination: {host: never}
              percentage: {value: 0}
            route: [{destination: {host: reviews}}]
          - mirror: {host: shadow}
            mirrorPercentage: {value: 0}
            route: [{destination: {host: reviews}}]
        """), sidecar(proxy("shop", Map.of()), 9080));
    RouteAction a = out.get(0).getRoute();
    assertThat(a.getRequestMirrorPoliciesList()).containsExactly(
        RouteAction.RequestMirrorPolicy.newBuilder().setCluster("outbound|9080|s|shadow.shop.svc.corp.example")
            .setRuntimeFraction(io.envoyproxy.envoy.config.core.v3.RuntimeFractionalPercent.newBuilder()
                .setDefaultValue(Percents.of(dev.meshwright.api.networking.Percent.of(5))))
            .setTraceSampled(BoolValue.of(false)).build(),
        RouteAction.RequestMirrorPolicy.newBuilder().setCluster("outbound|7070||audit.ops.svc.corp.example")
            .setRuntimeFraction(io.envoyproxy.envoy.config.core.v3.RuntimeFractionalPercent.newBuilder()
                .setDefaultValue(Percents.ofInteger(100)))
            .setTraceSampled(BoolValue.of(false)).build());
    assertThat(a.getRequestMirrorPolicies(0).getRuntimeFraction().getDefaultValue().getNumerator())
        .isEqualTo(50_000);
    assertThat(out.get(1).getRoute().getRequestMirrorPoliciesList()).isEmpty();
  }

  @Test
  @DisplayName("redirects: authority, path, scheme, port (derived from the request, default ports dropped), codes; "
      + "an unsupported code leaves the route out with a diagnostic")
  void redirects() {
    VirtualService v = vs(vsYaml("""
          - match: [{uri: {exact: /a}}]
            redirect: {uri: /b, authority: new.example.org, redirectCode: 302}
          - match: [{uri: {exact: /c}}]
            redirect: {uri: /d, derivePort: FROM_REQUEST_PORT}
          - match: [{uri: {exact: /e}}]
            redirect: {uri: /f, scheme: https, port: 443}
          - match: [{uri: {exact: /g}}]
            redirect: {uri: /h, redirectCode: 399}
        """));
    RouteTranslator.Translation t = RouteTranslator.translate(v, sidecar(proxy("shop", Map.of()), 8080));
    assertThat(t.routes()).hasSize(3);
    var first = t.routes().get(0).getRedirect();
    assertThat(first.getHostRedirect()).isEqualTo("new.example.org");
    assertThat(first.getPathRedirect()).isEqualTo("/b");
    assertThat(first.getResponseCode().name()).isEqualTo("FOUND");
    assertThat(t.routes().get(1).getRedirect().getPortRedirect()).isEqualTo(8080);
    assertThat(t.routes().get(2).getRedirect().getPortRedirect()).isZero();
    assertThat(t.routes().get(2).getRedirect().getSchemeRedirect()).isEqualTo("https");
    assertThat(t.routes().get(0).getDecorator().getOperation()).isEqualTo("reviews-vs:8080/a");
    assertThat(t.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("399"));
  }

  @Test
  @DisplayName("a direct response carries its status and inline body")
  void directResponse() {
    Route r = routes(vsYaml("  - directResponse: {status: 418, body: {string: teapot}}\n"),
        sidecar(proxy("shop", Map.of()), 9080)).get(0);
    assertThat(r.getDirectResponse().getStatus()).isEqualTo(418);
    assertThat(r.getDirectResponse().getBody().getInlineString()).isEqualTo("teapot");
  }

  @Test
  @DisplayName("Gateway API routes: path-separated prefixes, 500 for a missing backend, rewrite to '/' strips the "
      + "prefix, %PREFIX()% redirects rewrite the prefix")
  void gatewayApiSemantics() {
    VirtualService v = vs("""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: http-route-0
          namespace: shop
          annotations: {internal.istio.io/route-semantics: gateway}
        spec:
          hosts: [shop.example.org]
          http:
          - match: [{uri: {prefix: /api/}}]
            rewrite: {uri: /}
            route: [{destination: {host: api.shop.svc.corp.example, port: {number: 8080}}}]
          - match: [{uri: {prefix: /old}}]
            redirect: {uri: "%PREFIX()%/new"}
        """);
    List<Route> out = RouteTranslator.translate(v, sidecar(proxy("shop", Map.of()), 80)).routes();
    assertThat(out.get(0).getMatch().getPathSeparatedPrefix()).isEqualTo("/api");
    assertThat(out.get(0).getRoute().getClusterNotFoundResponseCode())
        .isEqualTo(RouteAction.ClusterNotFoundResponseCode.INTERNAL_SERVER_ERROR);
    assertThat(out.get(0).getRoute().getRegexRewrite().getPattern().getRegex()).isEqualTo("^/api(/?)(.*)");
    assertThat(out.get(0).getRoute().getRegexRewrite().getSubstitution()).isEqualTo("/\\2");
    assertThat(out.get(1).getRedirect().getPrefixRewrite()).isEqualTo("/new");
  }
}
