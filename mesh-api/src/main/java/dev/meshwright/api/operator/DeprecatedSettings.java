package dev.meshwright.api.operator;

import dev.meshwright.api.Problems;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Istio 1.22.8's table of deprecated IstioOperator settings (operator checkDeprecatedSettings): most are
 * warnings pointing at the replacement, the removed add-ons are errors. A setting counts when it is
 * present with a value other than its old default.
 */
final class DeprecatedSettings {
  /** Marks settings that count whenever present. */
  private static final Object ANY = new Object();

  private record Setting(String path, String replacement, Object unlessEqualTo) {}

  private static final List<Setting> WARN = List.of(
      new Setting("values.global.certificates", "meshConfig.certificates", ANY),
      new Setting("values.global.outboundTrafficPolicy", "meshConfig.outboundTrafficPolicy", ANY),
      new Setting("values.global.localityLbSetting", "meshConfig.localityLbSetting", ANY),
      new Setting("values.global.policyCheckFailOpen", "meshConfig.policyCheckFailOpen", false),
      new Setting("values.global.enableTracing", "meshConfig.enableTracing", false),
      new Setting("values.global.proxy.accessLogFormat", "meshConfig.accessLogFormat", ""),
      new Setting("values.global.proxy.accessLogFile", "meshConfig.accessLogFile", ""),
      new Setting("values.global.proxy.concurrency", "meshConfig.defaultConfig.concurrency", 0),
      new Setting("values.global.proxy.envoyAccessLogService", "meshConfig.defaultConfig.envoyAccessLogService", ANY),
      new Setting("values.global.proxy.envoyAccessLogService.enabled", "meshConfig.enableEnvoyAccessLogService", ANY),
      new Setting("values.global.proxy.envoyMetricsService", "meshConfig.defaultConfig.envoyMetricsService", ANY),
      new Setting("values.global.proxy.protocolDetectionTimeout", "meshConfig.protocolDetectionTimeout", ""),
      new Setting("values.global.proxy.holdApplicationUntilProxyStarts",
          "meshConfig.defaultConfig.holdApplicationUntilProxyStarts", false),
      new Setting("values.pilot.ingress",
          "meshConfig.ingressService, meshConfig.ingressControllerMode, and meshConfig.ingressClass", ANY),
      new Setting("values.global.mtls.enabled", "the PeerAuthentication resource", ANY),
      new Setting("values.global.mtls.auto", "meshConfig.enableAutoMtls", ANY),
      new Setting("values.global.tracer.lightstep.address", "meshConfig.defaultConfig.tracing.lightstep.address", ""),
      new Setting("values.global.tracer.lightstep.accessToken", "meshConfig.defaultConfig.tracing.lightstep.accessToken", ""),
      new Setting("values.global.tracer.zipkin.address", "meshConfig.defaultConfig.tracing.zipkin.address", ANY),
      new Setting("values.global.tracer.datadog.address", "meshConfig.defaultConfig.tracing.datadog.address", ""),
      new Setting("values.global.meshExpansion.enabled",
          "Gateway and other Istio networking resources, such as in samples/multicluster/", false),
      new Setting("values.gateways.istio-ingressgateway.meshExpansionPorts",
          "components.ingressGateways[name=istio-ingressgateway].k8s.service.ports", ANY),
      new Setting("addonComponents.istiocoredns.enabled", "the in-proxy DNS capturing (ISTIO_META_DNS_CAPTURE)", false),
      new Setting("values.istiocoredns.enabled", "the in-proxy DNS capturing (ISTIO_META_DNS_CAPTURE)", false),
      new Setting("values.global.jwtPolicy", "Values.global.jwtPolicy=third-party-jwt. See "
          + "https://istio.io/latest/docs/ops/best-practices/security/#configure-third-party-service-account-tokens "
          + "for more information", "third-party-jwt"),
      new Setting("values.global.centralIstiod", "Values.global.externalIstiod", false),
      new Setting("values.global.arch", "the affinity of k8s settings", ANY));

  private static final List<Setting> FAIL = List.of(
      new Setting("values.grafana.enabled", "the samples/addons/ deployments", false),
      new Setting("values.tracing.enabled", "the samples/addons/ deployments", false),
      new Setting("values.kiali.enabled", "the samples/addons/ deployments", false),
      new Setting("values.prometheus.enabled", "the samples/addons/ deployments", false),
      new Setting("addonComponents.grafana.enabled", "the samples/addons/ deployments", false),
      new Setting("addonComponents.tracing.enabled", "the samples/addons/ deployments", false),
      new Setting("addonComponents.kiali.enabled", "the samples/addons/ deployments", false),
      new Setting("addonComponents.prometheus.enabled", "the samples/addons/ deployments", false),
      new Setting("values.global.tracer.stackdriver.debug", "meshConfig.defaultConfig.tracing.stackdriver.debug", false),
      new Setting("values.global.tracer.stackdriver.maxNumberOfAttributes",
          "meshConfig.defaultConfig.tracing.stackdriver.maxNumberOfAttributes", 0),
      new Setting("values.global.tracer.stackdriver.maxNumberOfAnnotations",
          "meshConfig.defaultConfig.tracing.stackdriver.maxNumberOfAnnotations", 0),
      new Setting("values.global.tracer.stackdriver.maxNumberOfMessageEvents",
          "meshConfig.defaultConfig.tracing.stackdriver.maxNumberOfMessageEvents", 0));

  private DeprecatedSettings() {}

  static void check(IstioOperatorSpec spec, Problems p) {
    Map<String, Object> root = Map.of(
        "values", spec.values(),
        "addonComponents", addons(spec));
    for (Setting s : WARN) {
      if (counts(root, s)) {
        p.at(s.path()).warning(message(s));
      }
    }
    for (Setting s : FAIL) {
      if (counts(root, s)) {
        p.at(s.path()).error(message(s));
      }
    }
  }

  private static String message(Setting s) {
    return "! " + s.path() + " is deprecated; use " + s.replacement() + " instead";
  }

  private static Map<String, Object> addons(IstioOperatorSpec spec) {
    Map<String, Object> out = new java.util.HashMap<>();
    spec.addonComponents().forEach((name, c) -> c.enabled().ifPresent(e -> out.put(name, Map.of("enabled", e))));
    return out;
  }

  private static boolean counts(Map<String, Object> root, Setting s) {
    Object value = root;
    for (String part : s.path().split("\\.")) {
      value = IstioOperatorValidator.map(value).get(part);
      if (value == null) {
        return false;
      }
    }
    if (s.unlessEqualTo() == ANY) {
      return true;
    }
    if (value instanceof Number n && s.unlessEqualTo() instanceof Integer) {
      return n.doubleValue() != 0;
    }
    return !Objects.equals(value, s.unlessEqualTo());
  }
}
