package dev.meshwright.xds.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwright.api.mesh.ProxyConfig;
import dev.meshwright.api.mesh.RemoteService;
import dev.meshwright.api.mesh.Tracing;
import dev.meshwright.api.networking.ClientTLSSettings;
import dev.meshwright.xds.bootstrap.BootstrapOptions.Feature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules of the bootstrap, with inputs unlike the corpus's (other node, namespace, trust domain, tracers). */
class BootstrapRendererTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NODE = "sidecar~10.8.0.7~reviews-v2-5d8f.shop~shop.svc.cluster.local";

  static ProxyConfig.Builder proxy() {
    return ProxyConfig.builder().configPath("/etc/istio/proxy").discoveryAddress("istiod.istio-system.svc:15012")
        .proxyAdminPort(15000).statusPort(15020).drainDuration(Duration.ofSeconds(45));
  }

  static BootstrapOptions.Builder options(ProxyConfig pc) {
    return BootstrapOptions.builder(NODE, pc).instanceIps(List.of("10.8.0.7"))
        .pilotSubjectAltNames(List.of("spiffe://example.org/ns/istio-system/sa/istiod"))
        .putEnvironment("POD_NAME", "reviews-v2-5d8f")
        .putEnvironment("POD_NAMESPACE", "shop")
        .putEnvironment("ISTIO_METAJSON_LABELS", "{\"app\":\"reviews\",\"version\":\"v2\","
            + "\"istio-locality\":\"eu-west1.eu-west1-b\"}");
  }

  static JsonNode render(BootstrapOptions options) throws Exception {
    BootstrapResult r = BootstrapRenderer.render(options);
    assertThat(r.problems()).isEmpty();
    return JSON.readTree(BootstrapRenderer.toJson(r.bootstrap().orElseThrow()));
  }

  private static List<String> patterns(JsonNode bootstrap, String kind) {
    List<String> out = new ArrayList<>();
    bootstrap.at("/stats_config/stats_matcher/inclusion_list/patterns").forEach(p -> {
      if (p.has(kind)) {
        out.add(kind.equals("safe_regex") ? p.at("/safe_regex/regex").asText() : p.get(kind).asText());
      }
    });
    return out;
  }

  private static JsonNode cluster(JsonNode bootstrap, String name) {
    for (JsonNode c : bootstrap.at("/static_resources/clusters")) {
      if (c.path("name").asText().equals(name)) {
        return c;
      }
    }
    return JSON.missingNode();
  }

  @Test
  @DisplayName("the node is named by the app label and namespace, located by istio-locality, and carries the pod's metadata")
  void node() throws Exception {
    JsonNode b = render(options(proxy().build()).putEnvironment("ISTIO_META_CLUSTER_ID", "east")
        .putEnvironment("ISTIO_META_DNS_CAPTURE", "1").enable(Feature.CREDENTIAL_SOCKET).build());

    assertThat(b.at("/node/id").asText()).isEqualTo(NODE);
    assertThat(b.at("/node/cluster").asText()).isEqualTo("reviews.shop");
    assertThat(b.at("/node/locality/region").asText()).isEqualTo("eu-west1");
    assertThat(b.at("/node/locality/zone").asText()).isEqualTo("eu-west1-b");
    JsonNode meta = b.at("/node/metadata");
    assertThat(meta.get("NAME").asText()).isEqualTo("reviews-v2-5d8f");
    assertThat(meta.get("NAMESPACE").asText()).isEqualTo("shop");
    assertThat(meta.get("CLUSTER_ID").asText()).isEqualTo("east");
    assertThat(meta.get("DNS_CAPTURE").asText()).isEqualTo("true");
    assertThat(meta.get("credential").asText()).isEqualTo("true");
    assertThat(meta.at("/LABELS/istio-locality").asText()).isEqualTo("eu-west1/eu-west1-b");
    assertThat(meta.get("istio-locality").asText()).isEqualTo("eu-west1.eu-west1-b");
    assertThat(meta.get("ISTIO_VERSION").asText()).isEqualTo("1.22.8");
    assertThat(meta.get("PILOT_SAN").get(0).asText()).isEqualTo("spiffe://example.org/ns/istio-system/sa/istiod");
    assertThat(meta.at("/PROXY_CONFIG/drainDuration").asText()).isEqualTo("45s");
    assertThat(meta.at("/PROXY_CONFIG/discoveryAddress").asText()).isEqualTo("istiod.istio-system.svc:15012");
  }

  @Test
  @DisplayName("a canonical-name tracing service name with a namespace names the cluster <canonical>.<namespace>")
  void tracingServiceName() throws Exception {
    ProxyConfig pc = proxy().tracingServiceName(ProxyConfig.TracingServiceName.CANONICAL_NAME_AND_NAMESPACE).build();
    JsonNode b = render(options(pc).putEnvironment("ISTIO_METAJSON_LABELS",
        "{\"service.istio.io/canonical-name\":\"ratings\",\"app\":\"r\"}").build());

    assertThat(b.at("/node/cluster").asText()).isEqualTo("ratings.shop");
  }

  @Test
  @DisplayName("ProxyConfig stats inclusions apply with {pod_ip} per IP; an annotation replaces them instead of merging")
  void statsInclusions() throws Exception {
    ProxyConfig pc = proxy().proxyStatsMatcher(ProxyConfig.ProxyStatsMatcher.builder()
        .addInclusionPrefixes("upstream_cx", "http.{pod_ip}_").addInclusionSuffixes("retry").build()).build();
    JsonNode fromConfig = render(options(pc).instanceIps(List.of("10.8.0.7", "10.8.0.9", "10.8.0.7")).build());

    assertThat(patterns(fromConfig, "prefix")).containsExactly("reporter=", "upstream_cx", "http.10.8.0.7_",
        "http.10.8.0.9_", "cluster_manager", "listener_manager", "server", "cluster.xds-grpc", "wasm", "component",
        "istio");
    assertThat(patterns(fromConfig, "suffix")).containsExactly("retry", "rbac.allowed", "rbac.denied",
        "shadow_allowed", "shadow_denied");
    assertThat(patterns(fromConfig, "safe_regex")).containsExactly("vhost\\.*\\.route\\.*");

    JsonNode annotated = render(options(pc).podAnnotations(Map.of(
        "sidecar.istio.io/statsInclusionPrefixes", "grpc.", "sidecar.istio.io/extraStatTags", "tenant"))
        .enable(Feature.EXIT_ON_ZERO_ACTIVE_CONNECTIONS).build());
    assertThat(patterns(annotated, "prefix")).containsSubsequence("reporter=", "grpc.", "cluster_manager")
        .doesNotContain("upstream_cx");
    assertThat(patterns(annotated, "suffix")).contains("retry", "downstream_cx_active");
    assertThat(annotated.at("/stats_config/stats_tags").toString())
        .contains("{\"tag_name\":\"tenant\",\"regex\":\"(tenant=\\\\.=(.*?);\\\\.;)\"}");
  }

  @Test
  @DisplayName("Datadog reports to $(HOST_IP) from the agent's HOST_IP, and names the service after the node cluster")
  void datadogOnHostIp() throws Exception {
    ProxyConfig pc = proxy().tracing(Tracing.builder().datadog(Tracing.Datadog.builder()
        .address("$(HOST_IP):8126").build()).build()).build();
    JsonNode b = render(options(pc).hostIp("192.168.4.4").build());

    JsonNode dd = cluster(b, "datadog_agent");
    assertThat(dd.at("/load_assignment/endpoints/0/lb_endpoints/0/endpoint/address/socket_address/address").asText())
        .isEqualTo("192.168.4.4");
    assertThat(b.at("/tracing/http/typed_config/service_name").asText()).isEqualTo("reviews.shop");
  }

  @Test
  @DisplayName("an ISTIO_MUTUAL metrics service uses the workload certificate, SNI = cluster name, ALPN istio,h2")
  void metricsServiceIstioMutual() throws Exception {
    ProxyConfig pc = proxy().envoyMetricsService(RemoteService.builder().address("metrics.telemetry:9000")
        .tlsSettings(ClientTLSSettings.builder().mode(ClientTLSSettings.TLSmode.ISTIO_MUTUAL)
            .addSubjectAltNames("spiffe://example.org/ns/telemetry/sa/metrics").build()).build()).build();
    JsonNode b = render(options(pc).build());

    JsonNode tls = cluster(b, "envoy_metrics_service").at("/transport_socket/typed_config");
    assertThat(tls.path("sni").asText()).isEqualTo("envoy_metrics_service");
    assertThat(tls.at("/common_tls_context/alpn_protocols").toString()).isEqualTo("[\"istio\",\"h2\"]");
    assertThat(tls.at("/common_tls_context/tls_certificate_sds_secret_configs/0/name").asText()).isEqualTo("default");
    assertThat(tls.at("/common_tls_context/combined_validation_context/default_validation_context"
        + "/match_subject_alt_names/0/exact").asText()).isEqualTo("spiffe://example.org/ns/telemetry/sa/metrics");
    assertThat(b.at("/stats_sinks/0/name").asText()).isEqualTo("envoy.stat_sinks.metrics_service");
  }

  @Test
  @DisplayName("an IPv6-only pod binds ::1 and :: and resolves DNS clusters V6_ONLY; dual stack adds the other family")
  void ipFamilies() throws Exception {
    ProxyConfig pc = proxy().tracing(Tracing.builder().zipkin(Tracing.Zipkin.builder()
        .address("zipkin.tracing:9411").build()).build()).build();
    JsonNode v6 = render(options(pc).instanceIps(List.of("fd00::7")).build());
    assertThat(v6.at("/admin/address/socket_address/address").asText()).isEqualTo("::1");
    assertThat(v6.at("/static_resources/listeners/1/address/socket_address/address").asText()).isEqualTo("::");
    assertThat(cluster(v6, "zipkin").path("dns_lookup_family").asText()).isEqualTo("V6_ONLY");

    JsonNode dual = render(options(pc).instanceIps(List.of("10.8.0.7", "fd00::7")).enable(Feature.DUAL_STACK).build());
    assertThat(cluster(dual, "zipkin").path("dns_lookup_family").asText()).isEqualTo("ALL");
    assertThat(dual.at("/static_resources/listeners/0/additional_addresses/0/address/socket_address/address")
        .asText()).isEqualTo("::");
  }

  @Test
  @DisplayName("a waypoint uses delta xDS and metadata discovery; runtime values override, and an empty one removes a default")
  void waypointAndRuntime() throws Exception {
    ProxyConfig pc = proxy().putRuntimeValue("re2.max_program_size.error_level", "")
        .putRuntimeValue("envoy.reloadable_features.foo", "false").build();
    JsonNode b = render(BootstrapOptions.builder("waypoint~10.8.0.8~wp.shop~shop.svc.cluster.local", pc)
        .enable(Feature.STATE_OF_THE_WORLD_XDS).build());

    assertThat(b.at("/dynamic_resources/ads_config/api_type").asText()).isEqualTo("DELTA_GRPC");
    assertThat(b.at("/bootstrap_extensions/0/name").asText()).isEqualTo("metadata_discovery");
    assertThat(patterns(b, "prefix")).contains("workload_discovery");
    JsonNode flags = b.at("/layered_runtime/layers/0/static_layer");
    assertThat(flags.has("re2.max_program_size.error_level")).isFalse();
    assertThat(flags.get("envoy.reloadable_features.foo").isBoolean()).isTrue();
  }

  @Test
  @DisplayName("bad input comes back as problems: a Stackdriver tracer without a GCP project, an unparsable statsd address")
  void problems() {
    ProxyConfig pc = proxy().statsdUdpAddress("statsd-without-port")
        .tracing(Tracing.builder().stackdriver(Tracing.Stackdriver.builder().build()).build()).build();
    BootstrapResult r = BootstrapRenderer.render(options(pc).putEnvironment("ISTIO_META_DNS_CAPTURE", "yes").build());

    assertThat(r.bootstrap()).isEmpty();
    assertThat(r.problems()).anyMatch(p -> p.contains("missing GCP Project"))
        .anyMatch(p -> p.contains("statsd address \"statsd-without-port\""))
        .anyMatch(p -> p.contains("DNS_CAPTURE"));
  }

  @Test
  @DisplayName("Lightstep's token goes to a file beside the bootstrap, which the tracer reads")
  void lightstepTokenFile() {
    ProxyConfig pc = proxy().configPath("/var/run/proxy").tracing(Tracing.builder().lightstep(
        Tracing.Lightstep.builder().address("satellite:8443").accessToken("s3cr3t").build()).build()).build();
    BootstrapResult r = BootstrapRenderer.render(options(pc).build());

    assertThat(r.files()).containsExactly(Map.entry("/var/run/proxy/lightstep_access_token.txt", "s3cr3t"));
    assertThat(BootstrapRenderer.toJson(r.bootstrap().orElseThrow()))
        .contains("\"access_token_file\": \"/var/run/proxy/lightstep_access_token.txt\"");
  }
}
