package dev.meshwright.api.networking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.kinds.IstioKinds;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VirtualServiceTest {
  private static final String REVIEWS = """
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        hosts:
        - reviews
        http:
        - match:
          - headers:
              end-user:
                exact: jason
            uri:
              prefix: /reviews
          name: jason
          retries:
            attempts: 3
            perTryTimeout: 2s
            retryOn: 5xx,reset
          route:
          - destination:
              host: reviews
              subset: v2
            headers:
              request:
                set:
                  x-route: '%UPSTREAM_CLUSTER%'
          timeout: 0.5s
        - fault:
            abort:
              httpStatus: 503
              percentage:
                value: 0.1
          mirror:
            host: reviews
            subset: shadow
          mirrorPercentage:
            value: 5.0
          route:
          - destination:
              host: reviews
              port:
                number: 9080
              subset: v1
            weight: 90
          - destination:
              host: reviews
              subset: v3
            weight: 10
      """;

  /** How the codec writes {@link #REVIEWS}: keys sorted, lists indented, YAML-significant strings quoted. */
  private static final String REVIEWS_WRITTEN = """
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        hosts:
          - reviews
        http:
          - match:
              - headers:
                  end-user:
                    exact: jason
                uri:
                  prefix: /reviews
            name: jason
            retries:
              attempts: 3
              perTryTimeout: 2s
              retryOn: "5xx,reset"
            route:
              - destination:
                  host: reviews
                  subset: v2
                headers:
                  request:
                    set:
                      x-route: '%UPSTREAM_CLUSTER%'
            timeout: 0.5s
          - fault:
              abort:
                httpStatus: 503
                percentage:
                  value: 0.1
            mirror:
              host: reviews
              subset: shadow
            mirrorPercentage:
              value: 5.0
            route:
              - destination:
                  host: reviews
                  port:
                    number: 9080
                  subset: v1
                weight: 90
              - destination:
                  host: reviews
                  subset: v3
                weight: 10
      """;

  private static List<Diagnostic> validate(String yaml) {
    ReadResult read = MeshYaml.read("vs.yaml", yaml);
    assertThat(read.diagnostics()).isEmpty();
    return MeshValidator.create().validate(read.resources().get(0));
  }

  private static List<String> errors(String yaml) {
    return validate(yaml).stream().filter(Diagnostic::isError).map(d -> d.path() + ": " + d.message()).toList();
  }

  private static List<String> warnings(String yaml) {
    return validate(yaml).stream().filter(d -> !d.isError()).map(d -> d.path() + ": " + d.message()).toList();
  }

  private static String vs(String spec) {
    return """
        apiVersion: networking.istio.io/v1beta1
        kind: VirtualService
        metadata:
          name: foo
          namespace: bar
        spec:
        """ + spec.indent(2);
  }

  @Test
  @DisplayName("is registered for v1, v1beta1 and v1alpha3, writing v1")
  void registered() {
    assertThat(IstioKinds.find("networking.istio.io", "VirtualService")).contains(VirtualService.KIND);
    assertThat(VirtualService.KIND.apiVersions()).containsExactly(
        "networking.istio.io/v1", "networking.istio.io/v1beta1", "networking.istio.io/v1alpha3");
    assertThat(VirtualService.KIND.plural()).isEqualTo("virtualservices");
  }

  @Test
  @DisplayName("a realistic VirtualService reads, validates clean and writes back unchanged")
  void roundTrip() {
    ReadResult read = MeshYaml.read("vs.yaml", REVIEWS);
    assertThat(read.diagnostics()).isEmpty();
    VirtualService vs = (VirtualService) read.resources().get(0);
    HTTPRoute jason = vs.spec().http().get(0);
    assertThat(jason.timeout()).contains(Duration.ofMillis(500));
    assertThat(jason.match().get(0).uri()).contains(StringMatch.prefix("/reviews"));
    assertThat(jason.match().get(0).headers()).containsEntry("end-user", StringMatch.exact("jason"));
    assertThat(vs.spec().http().get(1).fault().flatMap(HTTPFaultInjection::abort)
        .flatMap(HTTPFaultInjection.Abort::httpStatus)).contains(503);
    assertThat(MeshValidator.create().validate(vs)).isEmpty();
    String written = MeshYaml.standard().writeYaml(vs);
    assertThat(written).isEqualTo(REVIEWS_WRITTEN);
    assertThat(MeshYaml.read("again.yaml", written).resources()).containsExactly(vs);
  }

  @Test
  @DisplayName("the builder makes the same value as the YAML")
  void builder() {
    VirtualService built = VirtualService.builder()
        .metadata(ObjectMeta.of("reviews", "bookinfo"))
        .spec(VirtualServiceSpec.builder()
            .addHost("reviews")
            .addHttp(HTTPRoute.builder()
                .addRoute(HTTPRouteDestination.to(Destination.of("reviews", "v1"), 75))
                .addRoute(HTTPRouteDestination.to(Destination.of("reviews", "v2"), 25))
                .build())
            .build())
        .build();
    String yaml = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: bookinfo
        spec:
          hosts:
          - reviews
          http:
          - route:
            - destination:
                host: reviews
                subset: v1
              weight: 75
            - destination:
                host: reviews
                subset: v2
              weight: 25
        """;
    assertThat(MeshYaml.read("b.yaml", yaml).resources()).containsExactly(built);
    assertThat(MeshValidator.create().validate(built)).isEmpty();
  }

  @Test
  @DisplayName("direct response bodies are text or base64 bytes; a oneof with two members is a binding error")
  void bodiesAndOneofs() {
    VirtualService vs = (VirtualService) MeshYaml.read("b.yaml", vs("""
        hosts: [foo.bar]
        http:
        - directResponse:
            status: 200
            body:
              bytes: aGVsbG8=
        """)).resources().get(0);
    HTTPBody body = vs.spec().http().get(0).directResponse().flatMap(HTTPDirectResponse::body).orElseThrow();
    assertThat(body).isEqualTo(HTTPBody.bytes("hello".getBytes(StandardCharsets.UTF_8)));
    assertThat(MeshYaml.standard().writeYaml(vs)).contains("bytes: aGVsbG8=");
    assertThatThrownBy(() -> HTTPRedirect.builder().port(8080)
        .derivePort(HTTPRedirect.RedirectPortSelection.FROM_REQUEST_PORT).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("port and derivePort");
    ReadResult bad = MeshYaml.read("b.yaml", vs("""
        hosts: [foo.bar]
        http:
        - fault:
            abort: {httpStatus: 500, grpcStatus: UNAVAILABLE}
          route: [{destination: {host: foo}}]
        """));
    assertThat(bad.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("only one of httpStatus, grpcStatus and http2Error"));
  }

  @Test
  @DisplayName("removed (reserved) proto fields are ignored with a warning, the deprecated snake_case alias is read")
  void reservedAndAliases() {
    ReadResult r = MeshYaml.read("r.yaml", vs("""
        hosts: [foo.bar]
        http:
        - websocketUpgrade: true
          mirror_percent: 5
          route: [{destination: {host: foo}}]
        """));
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.isError()).isFalse();
      assertThat(d.path()).isEqualTo("spec.http[0]");
      assertThat(d.message()).isEqualTo("field \"websocketUpgrade\" was removed from Istio's API and is ignored");
    });
    assertThat(((VirtualService) r.resources().get(0)).spec().http().get(0).mirrorPercent()).contains(5);
  }

  @Test
  @DisplayName("a key without a value reads as null (no routes), as in Go's YAML, not as an empty string")
  void emptyValueIsNull() {
    assertThat(errors(vs("hosts: [foo.bar]\nhttp:\n"))).containsExactly(
        "spec: http, tcp or tls must be provided in virtual service");
  }

  @Test
  @DisplayName("errors carry the proto-JSON path of the offending field")
  void errorPaths() {
    assertThat(errors(vs("""
        hosts: [foo.bar]
        http:
        - match:
          - uri: {regex: "^/(?!admin)"}
            headers:
              x-a: {prefix: ""}
          route:
          - destination: {host: foo, port: {number: 0}}
            weight: -1
          - destination: {host: "*", subset: Bad_Subset}
          retries: {attempts: 0, retryOn: "5xx,600"}
        """))).containsExactly(
        "spec.http[0].match[0].headers[x-a]: \"headers\": prefix string match should not be empty",
        "spec.http[0].match[0].uri: \"uri\": error parsing regexp: invalid or unsupported Perl syntax: `(?!`; "
            + "Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)",
        "spec.http[0].retries: http retry policy configured when attempts are set to 0 (disabled)",
        "spec.http[0].retries.retryOn: \"600\" is not a valid retryOn policy",
        "spec.http[0].route[0].destination.port.number: port number 0 must be in the range 1..65535",
        "spec.http[0].route[1].destination.host: invalid destination host *",
        "spec.http[0].route[1].destination.subset: subset name is invalid: Bad_Subset",
        "spec.http[0].route[0].weight: weight -1 < 0");
  }

  @Test
  @DisplayName("hosts, gateways and delegation follow Istio's rules")
  void hostsAndGateways() {
    assertThat(errors(vs("""
        hosts: ["*"]
        http: [{route: [{destination: {host: foo}}]}]
        """))).containsExactly(
        "spec.hosts[0]: wildcard host * is not allowed for virtual services bound to the mesh gateway");
    assertThat(errors(vs("""
        hosts: [foo.bar, "*.bar"]
        gateways: [ns1/gw, "*/gw"]
        http: [{route: [{destination: {host: foo}}]}]
        """))).containsExactly(
        "spec.gateways[1]: invalid value for namespace: \"*\"",
        "spec.hosts[1]: duplicate hosts in virtual service: foo.bar & *.bar");
    assertThat(errors(vs("""
        gateways: [mesh]
        http:
        - delegate: {name: x}
        """))).containsExactly(
        "spec.gateways: delegate virtual service must have no gateways specified",
        "spec.http[0].delegate: delegate HTTP route cannot contain delegate",
        "spec.http[0]: HTTP route, redirect or direct_response is required");
  }

  @Test
  @DisplayName("routes converted from the Gateway API skip gateway-name and destination checks")
  void gatewayApiSemantics() {
    String spec = """
        hosts: [foo.bar]
        gateways: [ns/Gateway_API]
        http:
        - delegate: {name: child, namespace: ns}
          route: [{destination: {host: "*"}}]
        """;
    assertThat(errors(vs(spec))).containsExactly(
        "spec.gateways[0]: invalid value for gateway name: \"Gateway_API\"",
        "spec.http[0].route: root HTTP route  must not specify route",
        "spec.http[0].route[0].destination.host: invalid destination host *");
    String converted = vs(spec).replace("namespace: bar", "namespace: bar\n  annotations:\n"
        + "    internal.istio.io/route-semantics: gateway");
    assertThat(errors(converted)).containsExactly("spec.http[0].route: root HTTP route  must not specify route");
  }

  @Test
  @DisplayName("TLS routes check SNI hosts against the VirtualService hosts; an IP only warns")
  void tlsRoutes() {
    String tls = vs("""
        hosts: ["*.example.com"]
        tls:
        - match:
          - sniHosts: [a.example.com, other.org, 10.0.0.1]
            destinationSubnets: [10.0.0.0/33]
          route: [{destination: {host: a.example.com}}]
        """);
    assertThat(errors(tls)).containsExactly(
        "spec.tls[0].match[0].sniHosts[1]: SNI host \"other.org\" is not a compatible subset of any of the "
            + "virtual service hosts: [*.example.com]",
        "spec.tls[0].match[0].destinationSubnets[0]: 10.0.0.0/33 is not a valid CIDR block");
    assertThat(warnings(tls)).containsExactly("spec.tls[0].match[0].sniHosts[2]: using an IP address (\"10.0.0.1\") "
        + "goes against SNI spec and most clients do not support this");
  }

  @Test
  @DisplayName("unreachable rules and covered prefix matches are warnings, not errors")
  void unreachableRules() {
    String yaml = vs("""
        hosts: [foo.bar]
        gateways: [gateway.example.com]
        http:
        - name: api
          match:
          - uri: {prefix: /api}
          - uri: {prefix: /api/v1}
            method: {exact: GET}
          route: [{destination: {host: foo}}]
        - route: [{destination: {host: foo}}]
        - match:
          - uri: {prefix: /api}
          route: [{destination: {host: foo}}]
        - route: [{destination: {host: foo}}]
          mirrorPercent: 5
        """);
    assertThat(errors(yaml)).isEmpty();
    assertThat(warnings(yaml)).containsExactly(
        "spec.gateways[0]: using legacy gatewayName format \"gateway.example.com\"; prefer the "
            + "<namespace>/<name> format: \"example/gateway\"",
        "spec.http[3].mirrorPercent: using deprecated setting \"mirrorPercent\", use \"mirrorPercentage\" instead",
        "spec.http[2].match[0]: virtualService rule #2 match #0 is not used (duplicate/overlapping match in rule "
            + "\"api\")",
        "spec.http[2]: virtualService rule #2 not used (all matches used by prior rules)",
        "spec.http[3]: virtualService rule #3 not used (only the last rule can have no matches)",
        "spec.http: virtualService rule \"api\" match #1 of prefix /api/v1 is not used (duplicate/overlapping "
            + "match in rule #0 of prefix /api on \"api\")");
  }

  @Test
  @DisplayName("header values follow Envoy's %VAR% grammar; the authority may be set only once")
  void headerOperations() {
    assertThat(errors(vs("""
        hosts: [foo.bar]
        http:
        - headers:
            request:
              set: {":authority": a, x-ok: "100%%", x-bad: "%START_TIME"}
              remove: [":path"]
            response:
              add: {host: b}
          rewrite: {authority: c}
          route: [{destination: {host: foo}}]
        """))).containsExactly(
        "spec.http[0].headers.request.set[x-bad]: header value configuration: invalid header configuration. "
            + "Un-terminated variable expression '%START_TIME'",
        "spec.http[0].headers.request.remove[0]: invalid header \":path\": header cannot have \":\" prefix",
        "spec.http[0].headers.response.add[host]: invalid header \"host\": cannot set Host header",
        "spec.http[0].headers: authority header cannot be set multiple times: have \"c\", attempting to set \"a\"");
  }

  @Test
  @DisplayName("fault percentages and mirror percentages are range-checked with Go's number formatting")
  void percentages() {
    assertThat(errors(vs("""
        hosts: [foo.bar]
        http:
        - fault:
            delay: {fixedDelay: 1.0005s, percentage: {value: 0.00001}}
          mirrorPercentage: {value: 100.5}
          route: [{destination: {host: foo}}]
        """))).containsExactly(
        "spec.http[0].fault.delay.percentage: percentage 1e-05 is neither 0.0, nor in range [0.0001, 100.0]",
        "spec.http[0].fault.delay.fixedDelay: only durations to ms precision are supported",
        "spec.http[0].mirrorPercentage: mirror_percentage must have a max value of 100 (it has 100.500000)");
  }
}
