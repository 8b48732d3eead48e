package dev.meshwright.inject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The init containers the sidecar template adds before the proxy: {@code istio-init} running
 * {@code istio-iptables} (or {@code istio-validation} checking the rules when Istio CNI applies them), skipped
 * for interception mode {@code NONE}, and {@code enable-core-dump} when core dumps are on. Stateless.
 */
final class IptablesContainers {
  static final String INIT = "istio-init";
  static final String VALIDATION = "istio-validation";
  static final String CORE_DUMP = "enable-core-dump";

  private IptablesContainers() {}

  static List<ObjectNode> of(TemplateInput in) {
    List<ObjectNode> out = new ArrayList<>();
    if (!in.interceptionMode().equals("NONE")) {
      out.add(init(in));
    }
    if (coreDump(in)) {
      out.add(coreDumpContainer(in));
    }
    return out;
  }

  static boolean coreDump(TemplateInput in) {
    return in.annotation("sidecar.istio.io/enableCoreDump", "global.proxy.enableCoreDump").equals("true");
  }

  private static ObjectNode init(TemplateInput in) {
    ObjectNode c = Json.obj();
    c.put("name", in.cni() ? VALIDATION : INIT);
    c.put("image", in.image("global.proxy_init.image"));
    ArrayNode args = c.putArray("args");
    args.add("istio-iptables");
    args.add("-p").add(String.valueOf(in.mesh.proxyListenPort().filter(p -> p != 0).orElse(15001)));
    args.add("-z").add(String.valueOf(in.mesh.proxyInboundListenPort().filter(p -> p != 0).orElse(15006)));
    args.add("-u").add(String.valueOf(in.features.proxyUid()));
    args.add("-m").add(in.interceptionMode());
    args.add("-i").add(in.annotation(Traffic.INCLUDE_OUTBOUND_IP_RANGES, "global.proxy.includeIPRanges"));
    args.add("-x").add(in.annotation(Traffic.EXCLUDE_OUTBOUND_IP_RANGES, "global.proxy.excludeIPRanges"));
    args.add("-b").add(in.annotation(Traffic.INCLUDE_INBOUND_PORTS, "global.proxy.includeInboundPorts"));
    String excluded = Traffic.excludedInboundPorts(in);
    args.add("-d").add(excluded.isEmpty() ? "15090,15021" : "15090,15021," + excluded);
    if (Traffic.includeOutboundPorts(in)) {
      args.add("-q").add(in.annotation(Traffic.INCLUDE_OUTBOUND_PORTS, "global.proxy.includeOutboundPorts"));
    }
    if (Traffic.excludeOutboundPorts(in)) {
      args.add("-o").add(in.annotation(Traffic.EXCLUDE_OUTBOUND_PORTS, "global.proxy.excludeOutboundPorts"));
    }
    if (in.annotations.containsKey(Traffic.KUBEVIRT_INTERFACES)) {
      args.add("-k").add(in.annotations.get(Traffic.KUBEVIRT_INTERFACES));
    }
    if (in.annotations.containsKey(Traffic.EXCLUDE_INTERFACES)) {
      args.add("-c").add(in.annotations.get(Traffic.EXCLUDE_INTERFACES));
    }
    args.add("--log_output_level=" + in.annotation("sidecar.istio.io/agentLogLevel", "global.logging.level"));
    if (in.values.truthy("global.logAsJson")) {
      args.add("--log_as_json");
    }
    if (in.cni()) {
      args.add("--run-validation").add("--skip-rule-apply");
    }
    pullPolicy(in, c);
    Map<String, String> metadata = new TreeMap<>(in.proxyConfig.proxyMetadata());
    if (!metadata.isEmpty()) {
      ArrayNode env = c.putArray("env");
      metadata.forEach((k, v) -> env.add(Json.env(k, v)));
    }
    ProxyResources.of(in).ifPresent(r -> c.set("resources", r));
    boolean privileged = in.values.truthy("global.proxy.privileged");
    ObjectNode sc = c.putObject("securityContext");
    sc.put("allowPrivilegeEscalation", privileged);
    sc.put("privileged", privileged);
    ObjectNode caps = sc.putObject("capabilities");
    if (!in.cni()) {
      caps.set("add", Json.strings("NET_ADMIN", "NET_RAW"));
    }
    caps.set("drop", Json.strings("ALL"));
    if (!in.cni()) {
      sc.put("readOnlyRootFilesystem", false);
      sc.put("runAsGroup", 0);
      sc.put("runAsNonRoot", false);
      sc.put("runAsUser", 0);
    } else {
      sc.put("readOnlyRootFilesystem", true);
      sc.put("runAsGroup", (int) in.features.proxyGid());
      sc.put("runAsUser", (int) in.features.proxyUid());
      sc.put("runAsNonRoot", true);
    }
    return c;
  }

  private static ObjectNode coreDumpContainer(TemplateInput in) {
    ObjectNode c = Json.obj();
    c.put("name", CORE_DUMP);
    c.set("args", Json.strings("-c",
        "sysctl -w kernel.core_pattern=/var/lib/istio/data/core.proxy && ulimit -c unlimited"));
    c.set("command", Json.strings("/bin/sh"));
    c.put("image", in.image("global.proxy_init.image"));
    pullPolicy(in, c);
    ProxyResources.of(in).ifPresent(r -> c.set("resources", r));
    ObjectNode sc = c.putObject("securityContext");
    sc.put("allowPrivilegeEscalation", true);
    ObjectNode caps = sc.putObject("capabilities");
    caps.set("add", Json.strings("SYS_ADMIN"));
    caps.set("drop", Json.strings("ALL"));
    sc.put("privileged", true);
    sc.put("readOnlyRootFilesystem", false);
    sc.put("runAsGroup", 0);
    sc.put("runAsNonRoot", false);
    sc.put("runAsUser", 0);
    return c;
  }

  static void pullPolicy(TemplateInput in, ObjectNode container) {
    String policy = in.values.text("global.imagePullPolicy");
    if (!policy.isEmpty()) {
      container.put("imagePullPolicy", policy);
    }
  }
}
