package dev.meshwright.inject;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The istiod chart's injector values at Istio 1.22.8, the parts the sidecar templates read. */
final class InjectorDefaults {
  private InjectorDefaults() {}

  static ObjectNode values() {
    ObjectNode root = Json.obj();
    root.put("revision", "");
    root.putObject("gateways").putObject("securityContext");
    ObjectNode global = root.putObject("global");
    global.put("hub", "docker.io/istio");
    global.put("tag", "1.22.8");
    global.put("variant", "");
    global.put("imagePullPolicy", "");
    global.putArray("imagePullSecrets");
    global.put("istioNamespace", "istio-system");
    global.putObject("logging").put("level", "default:info");
    global.put("logAsJson", false);
    global.put("meshID", "");
    global.put("network", "");
    global.put("mountMtlsCerts", false);
    global.put("pilotCertProvider", "istiod");
    global.put("caAddress", "");
    global.put("caName", "");
    global.putObject("multiCluster").put("clusterName", "");
    global.putObject("sds").putObject("token").put("aud", "istio-ca");
    global.putObject("sts").put("servicePort", 0);
    global.putObject("proxy_init").put("image", "proxyv2");
    ObjectNode proxy = global.putObject("proxy");
    proxy.put("autoInject", "enabled");
    proxy.put("clusterDomain", "cluster.local");
    proxy.put("componentLogLevel", "misc:error");
    proxy.put("enableCoreDump", false);
    proxy.put("excludeIPRanges", "");
    proxy.put("excludeInboundPorts", "");
    proxy.put("excludeOutboundPorts", "");
    proxy.put("image", "proxyv2");
    proxy.put("includeIPRanges", "*");
    proxy.put("includeInboundPorts", "*");
    proxy.put("includeOutboundPorts", "");
    proxy.put("logLevel", "warning");
    proxy.put("privileged", false);
    proxy.put("readinessFailureThreshold", 4);
    proxy.put("readinessInitialDelaySeconds", 0);
    proxy.put("readinessPeriodSeconds", 15);
    ObjectNode resources = proxy.putObject("resources");
    resources.putObject("limits").put("cpu", "2000m").put("memory", "1024Mi");
    resources.putObject("requests").put("cpu", "100m").put("memory", "128Mi");
    proxy.putObject("startupProbe").put("enabled", true).put("failureThreshold", 600);
    proxy.put("statusPort", 15020);
    proxy.put("tracer", "none");
    ObjectNode cni = root.putObject("istio_cni");
    cni.put("chained", true).put("enabled", false).put("provider", "default");
    root.putObject("pilot").putObject("cni").put("enabled", false).put("provider", "default");
    ObjectNode webhook = root.putObject("sidecarInjectorWebhook");
    webhook.put("rewriteAppHTTPProbe", true);
    webhook.putObject("templates");
    return root;
  }
}
