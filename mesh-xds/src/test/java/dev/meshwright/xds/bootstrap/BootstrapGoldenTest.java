package dev.meshwright.xds.bootstrap;

import dev.meshwright.api.mesh.ProxyConfig;
import dev.meshwright.api.mesh.RemoteService;
import dev.meshwright.api.mesh.Tracing;
import dev.meshwright.api.networking.ClientTLSSettings;
import dev.meshwright.api.networking.TcpKeepalive;
import dev.meshwright.testing.Golden;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Whole bootstraps for inputs of our own, against goldens in {@code src/test/resources/golden/bootstrap}
 * ({@code -Dgolden.update=true} rewrites them; review the diff).
 */
class BootstrapGoldenTest {
  private static final Path GOLDENS = Path.of("src/test/resources/golden/bootstrap");

  @Test
  @DisplayName("an ingress gateway in istio-system with an ISTIO_MUTUAL Zipkin and an access log service")
  void gateway() {
    ProxyConfig pc = ProxyConfig.builder().configPath("/etc/istio/proxy").binaryPath("/usr/local/bin/envoy")
        .serviceCluster("istio-ingressgateway").drainDuration(Duration.ofSeconds(45))
        .discoveryAddress("istiod.istio-system.svc:15012").proxyAdminPort(15000).statusPort(15020)
        .tracing(Tracing.builder().zipkin(Tracing.Zipkin.builder().address("zipkin.istio-system:9411").build())
            .tlsSettings(ClientTLSSettings.builder().mode(ClientTLSSettings.TLSmode.ISTIO_MUTUAL).build()).build())
        .envoyAccessLogService(RemoteService.builder().address("als.telemetry:15000")
            .tcpKeepalive(TcpKeepalive.builder().time(Duration.ofSeconds(60)).probes(3).build()).build())
        .build();
    BootstrapOptions options = BootstrapOptions.builder(
            "router~10.1.2.3~istio-ingressgateway-7f9c.istio-system~istio-system.svc.corp.local", pc)
        .instanceIps(List.of("10.1.2.3"))
        .pilotSubjectAltNames(List.of("spiffe://corp.example/ns/istio-system/sa/istiod"))
        .putEnvironment("POD_NAME", "istio-ingressgateway-7f9c")
        .putEnvironment("POD_NAMESPACE", "istio-system")
        .putEnvironment("SERVICE_ACCOUNT", "istio-ingressgateway-service-account")
        .putEnvironment("ISTIO_META_CLUSTER_ID", "corp-east")
        .putEnvironment("ISTIO_META_MESH_ID", "corp.example")
        .putEnvironment("ISTIO_METAJSON_LABELS", "{\"app\":\"istio-ingressgateway\",\"istio\":\"ingressgateway\"}")
        .podLabels(Map.of("app", "istio-ingressgateway", "istio", "ingressgateway", "pod-template-hash", "7f9c"))
        .outlierLogPath("/dev/stdout")
        .build();
    Golden.assertMatches(GOLDENS.resolve("gateway-zipkin-mtls.json"), json(options));
  }

  @Test
  @DisplayName("a sidecar with custom stats inclusions, histogram buckets, gzip stats and a statsd sink")
  void sidecarStats() {
    ProxyConfig pc = ProxyConfig.builder().configPath("/etc/istio/proxy").drainDuration(Duration.ofSeconds(5))
        .discoveryAddress("istiod.istio-system.svc:15012").proxyAdminPort(15000).statusPort(15020)
        .statsdUdpAddress("statsd.monitoring:8125").addExtraStatTags("tenant")
        .proxyStatsMatcher(ProxyConfig.ProxyStatsMatcher.builder().addInclusionPrefixes("upstream_cx")
            .addInclusionRegexps(".*circuit_breakers.*").build())
        .build();
    BootstrapOptions options = BootstrapOptions.builder("sidecar~10.20.0.5~cart-6c4d.store~store.svc.cluster.local", pc)
        .instanceIps(List.of("10.20.0.5"))
        .pilotSubjectAltNames(List.of("spiffe://cluster.local/ns/istio-system/sa/istiod"))
        .putEnvironment("POD_NAME", "cart-6c4d")
        .putEnvironment("POD_NAMESPACE", "store")
        .putEnvironment("ISTIO_METAJSON_LABELS", "{\"app\":\"cart\",\"version\":\"v1\"}")
        .podAnnotations(Map.of(
            "sidecar.istio.io/statsInclusionSuffixes", "upstream_rq_timeout",
            "sidecar.istio.io/statsHistogramBuckets", "{\"cluster.outbound\":[1,10,100,1000]}",
            "sidecar.istio.io/statsCompression", "gzip"))
        .build();
    Golden.assertMatches(GOLDENS.resolve("sidecar-stats.json"), json(options));
  }

  private static String json(BootstrapOptions options) {
    BootstrapResult r = BootstrapRenderer.render(options);
    if (r.hasProblems()) {
      throw new AssertionError(r.problems());
    }
    return BootstrapRenderer.toJson(r.bootstrap().orElseThrow()) + "\n";
  }
}
