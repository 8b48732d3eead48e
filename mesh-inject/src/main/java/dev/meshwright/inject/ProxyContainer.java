package dev.meshwright.inject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code istio-proxy} container of the {@code sidecar} template: image, Prometheus port, {@code proxy sidecar}
 * arguments, lifecycle (values, hold-until-started, or native-sidecar drain), env, startup and readiness probes on
 * 15021 (none when the status port is 0), security context (root with NET_ADMIN for TPROXY), resources and mounts.
 * With native sidecars it carries {@code restartPolicy: Always} and runs as an init container. Stateless.
 */
final class ProxyContainer {
  private ProxyContainer() {}

  static ObjectNode of(TemplateInput in) {
    ObjectNode c = Json.obj();
    c.put("name", TemplateInput.PROXY);
    c.put("image", in.image("global.proxy.image"));
    if (in.nativeSidecar()) {
      c.put("restartPolicy", "Always");
    }
    ObjectNode port = c.putArray("ports").addObject();
    port.put("containerPort", 15090);
    port.put("protocol", "TCP");
    port.put("name", "http-envoy-prom");
    c.set("args", args(in, "sidecar"));
    lifecycle(in).ifPresent(l -> c.set("lifecycle", l));
    c.set("env", ProxyEnv.of(in, false));
    IptablesContainers.pullPolicy(in, c);
    if (!in.statusPort().equals("0")) {
      if (in.values.truthy("global.proxy.startupProbe.enabled")) {
        ObjectNode startup = c.putObject("startupProbe");
        startup.set("httpGet", readyGet());
        startup.put("initialDelaySeconds", 0);
        startup.put("periodSeconds", 1);
        startup.put("timeoutSeconds", 3);
        putInt(startup, "failureThreshold", in.values.text("global.proxy.startupProbe.failureThreshold"));
      }
      ObjectNode ready = c.putObject("readinessProbe");
      ready.set("httpGet", readyGet());
      putInt(ready, "initialDelaySeconds", in.annotation("readiness.status.sidecar.istio.io/initialDelaySeconds",
          "global.proxy.readinessInitialDelaySeconds"));
      putInt(ready, "periodSeconds", in.annotation("readiness.status.sidecar.istio.io/periodSeconds",
          "global.proxy.readinessPeriodSeconds"));
      ready.put("timeoutSeconds", 3);
      putInt(ready, "failureThreshold", in.annotation("readiness.status.sidecar.istio.io/failureThreshold",
          "global.proxy.readinessFailureThreshold"));
    }
    c.set("securityContext", securityContext(in));
    ProxyResources.of(in).ifPresent(r -> c.set("resources", r));
    c.set("volumeMounts", SidecarVolumes.mounts(in, false));
    return c;
  }

  static ArrayNode args(TemplateInput in, String type) {
    ArrayNode args = Json.strings("proxy", type, "--domain",
        "$(POD_NAMESPACE).svc." + in.values.text("global.proxy.clusterDomain"));
    args.add("--proxyLogLevel=" + in.annotation("sidecar.istio.io/logLevel", "global.proxy.logLevel"));
    args.add("--proxyComponentLogLevel="
        + in.annotation("sidecar.istio.io/componentLogLevel", "global.proxy.componentLogLevel"));
    args.add("--log_output_level=" + in.annotation("sidecar.istio.io/agentLogLevel", "global.logging.level"));
    if (in.values.truthy("global.sts.servicePort")) {
      args.add("--stsPort=" + in.values.text("global.sts.servicePort"));
    }
    if (in.values.truthy("global.logAsJson")) {
      args.add("--log_as_json");
    }
    return args;
  }

  private static java.util.Optional<ObjectNode> lifecycle(TemplateInput in) {
    java.util.Optional<ObjectNode> fromValues = in.values.object("global.proxy.lifecycle").filter(o -> !o.isEmpty());
    if (fromValues.isPresent()) {
      return fromValues;
    }
    if (in.holdProxy()) {
      ObjectNode l = Json.obj();
      l.putObject("postStart").putObject("exec").set("command", Json.strings("pilot-agent", "wait"));
      return java.util.Optional.of(l);
    }
    if (in.nativeSidecar()) {
      ObjectNode l = Json.obj();
      l.putObject("preStop").putObject("exec").set("command", Json.strings("pilot-agent", "request",
          "--debug-port=" + in.statusPort(), "POST", "drain"));
      return java.util.Optional.of(l);
    }
    return java.util.Optional.empty();
  }

  private static ObjectNode securityContext(TemplateInput in) {
    ObjectNode sc = Json.obj();
    boolean coreDump = IptablesContainers.coreDump(in);
    int gid = (int) in.features.proxyGid();
    if ("true".equals(in.proxyConfig.proxyMetadata().get("IPTABLES_TRACE_LOGGING"))) {
      sc.put("allowPrivilegeEscalation", true);
      ObjectNode caps = sc.putObject("capabilities");
      caps.set("add", Json.strings("NET_ADMIN"));
      caps.set("drop", Json.strings("ALL"));
      sc.put("privileged", true);
      sc.put("readOnlyRootFilesystem", !coreDump);
      sc.put("runAsGroup", gid);
      sc.put("runAsNonRoot", false);
      sc.put("runAsUser", 0);
      return sc;
    }
    boolean privileged = in.values.truthy("global.proxy.privileged");
    boolean tproxy = in.interceptionMode().equals("TPROXY");
    boolean bind = in.annotation("sidecar.istio.io/capNetBindService", "global.proxy.capNetBindService").equals("true");
    sc.put("allowPrivilegeEscalation", privileged);
    ObjectNode caps = sc.putObject("capabilities");
    if (tproxy || bind) {
      ArrayNode add = caps.putArray("add");
      if (tproxy) {
        add.add("NET_ADMIN");
      }
      if (bind) {
        add.add("NET_BIND_SERVICE");
      }
    }
    caps.set("drop", Json.strings("ALL"));
    sc.put("privileged", privileged);
    sc.put("readOnlyRootFilesystem", !coreDump);
    sc.put("runAsGroup", gid);
    if (tproxy || bind) {
      sc.put("runAsNonRoot", false);
      sc.put("runAsUser", 0);
    } else {
      sc.put("runAsNonRoot", true);
      sc.put("runAsUser", (int) in.features.proxyUid());
    }
    return sc;
  }

  static ObjectNode readyGet() {
    ObjectNode get = Json.obj();
    get.put("path", "/healthz/ready");
    get.put("port", 15021);
    return get;
  }

  /** Writes an integer field (zeros too: they override a previous value; post-processing drops them). */
  static void putInt(ObjectNode node, String key, String value) {
    try {
      long v = Long.parseLong(value.trim());
      if (v == (int) v) {
        node.put(key, (int) v);
      } else {
        node.put(key, v);
      }
    } catch (NumberFormatException e) {
      if (!value.isEmpty()) {
        node.put(key, value);
      }
    }
  }
}
