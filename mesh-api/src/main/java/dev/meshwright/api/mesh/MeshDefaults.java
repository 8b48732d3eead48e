package dev.meshwright.api.mesh;

import dev.meshwright.api.networking.LocalityLoadBalancerSetting;
import java.time.Duration;

/**
 * Istio 1.22.8's built-in MeshConfig and ProxyConfig defaults (what istiod uses before the {@code istio}
 * ConfigMap is applied). Every field that Istio leaves at its zero value is left absent here.
 */
final class MeshDefaults {
  static final ProxyConfig PROXY = ProxyConfig.builder()
      .configPath("./etc/istio/proxy")
      .serviceCluster("istio-proxy")
      .drainDuration(Duration.ofSeconds(45))
      .terminationDrainDuration(Duration.ofSeconds(5))
      .proxyAdminPort(15000)
      .controlPlaneAuthPolicy(AuthenticationPolicy.MUTUAL_TLS)
      .discoveryAddress("istiod.istio-system.svc:15012")
      .binaryPath("/usr/local/bin/envoy")
      .statNameLength(189)
      .statusPort(15020)
      .build();

  static final MeshConfig MESH = MeshConfig.builder()
      .enableTracing(true)
      .accessLogFile("")
      .accessLogEncoding(MeshConfig.AccessLogEncoding.TEXT)
      .accessLogFormat("")
      .enableEnvoyAccessLogService(false)
      .protocolDetectionTimeout(Duration.ZERO)
      .ingressService("istio-ingressgateway")
      .ingressControllerMode(MeshConfig.IngressControllerMode.STRICT)
      .ingressClass("istio")
      .trustDomain("cluster.local")
      .enableAutoMtls(true)
      .outboundTrafficPolicy(OutboundTrafficPolicy.builder().mode(OutboundTrafficPolicy.Mode.ALLOW_ANY).build())
      .inboundTrafficPolicy(InboundTrafficPolicy.builder().mode(InboundTrafficPolicy.Mode.PASSTHROUGH).build())
      .localityLbSetting(LocalityLoadBalancerSetting.builder().enabled(true).build())
      .defaultConfig(PROXY)
      .rootNamespace("istio-system")
      .proxyListenPort(15001)
      .proxyInboundListenPort(15006)
      .connectTimeout(Duration.ofSeconds(10))
      .addDefaultServiceExportTo("*")
      .addDefaultVirtualServiceExportTo("*")
      .addDefaultDestinationRuleExportTo("*")
      .dnsRefreshRate(Duration.ofSeconds(60))
      .enablePrometheusMerge(true)
      .defaultProviders(DefaultProviders.builder().build())
      .addExtensionProvider(ExtensionProvider.builder()
          .name("prometheus").prometheus(PrometheusMetricsProvider.builder().build()).build())
      .addExtensionProvider(ExtensionProvider.builder()
          .name("stackdriver").stackdriver(StackdriverProvider.builder().build()).build())
      .addExtensionProvider(ExtensionProvider.builder()
          .name("envoy")
          .envoyFileAccessLog(EnvoyFileAccessLogProvider.builder().path("/dev/stdout").build())
          .build())
      .build();

  private MeshDefaults() {}
}
