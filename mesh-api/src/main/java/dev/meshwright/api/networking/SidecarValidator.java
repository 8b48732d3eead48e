package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.networking.GatewayRules.HostOwner;
import dev.meshwright.api.networking.ServerTLSSettings.TLSmode;
import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.IpAddresses;
import dev.meshwright.api.validation.Protocol;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Istio's Sidecar rules: the workload selector, a non-empty configuration, ingress listeners (port, bind,
 * default endpoint, TLS, connection pool), egress listeners (port/bind/capture mode, the port-less listener
 * last, {@code namespace/host} entries and duplicates) and the outbound traffic policy.
 */
final class SidecarValidator implements Validator<Sidecar> {
  @Override
  public void validate(Sidecar resource, Problems problems) {
    SidecarSpec spec = resource.spec();
    Problems p = problems.at("spec");
    if (spec.workloadSelector().isPresent()) {
      Map<String, String> labels = spec.workloadSelector().get().labels();
      int before = p.count();
      Checks.workloadSelector(labels, p.at("workloadSelector"));
      if (p.count() != before) {
        return;
      }
      if (labels.isEmpty()) {
        p.at("workloadSelector").warning("sidecar: workload selector specified without labels, "
            + "will be applied to all services in namespace");
      }
    }
    if (spec.egress().isEmpty() && spec.ingress().isEmpty() && spec.outboundTrafficPolicy().isEmpty()
        && spec.inboundConnectionPool().isEmpty()) {
      p.error("sidecar: empty configuration provided");
      return;
    }
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < spec.ingress().size(); i++) {
      ingress(spec.ingress().get(i), ports, p.at("ingress", i));
    }
    spec.inboundConnectionPool().ifPresent(c ->
        ConnectionPoolSettingsValidator.validate(c, p.at("inboundConnectionPool")));
    egress(spec.egress(), resource.namespace(), p.at("egress"));
    spec.outboundTrafficPolicy().ifPresent(tp -> outboundTrafficPolicy(tp, p.at("outboundTrafficPolicy")));
  }

  private static void ingress(IstioIngressListener listener, Set<Integer> ports, Problems p) {
    if (listener.port().isEmpty()) {
      p.at("port").error("sidecar: port is required for ingress listeners");
      return;
    }
    Port port = listener.port().get();
    if (port.targetPort().orElse(0) != 0) {
      p.at("port").at("targetPort").error("targetPort has no impact on Sidecars");
    }
    port.name().filter(n -> !n.isEmpty()).flatMap(GatewayRules::portName).ifPresent(p.at("port").at("name")::error);
    Protocol.check(port.protocol().orElse("")).ifPresent(p.at("port").at("protocol")::error);
    int number = port.number().orElse(0);
    Checks.port(Integer.toUnsignedLong(number), p.at("port").at("number"));
    listener.bind().filter(b -> !b.isEmpty()).flatMap(IpAddresses::address).ifPresent(p.at("bind")::error);
    if (!ports.add(number)) {
      p.at("port").at("number").error("sidecar: ports on IP bound listeners must be unique");
    }
    listener.defaultEndpoint().filter(e -> !e.isEmpty()).ifPresent(e -> defaultEndpoint(e, p.at("defaultEndpoint")));
    listener.tls().ifPresent(tls -> ingressTls(tls, port, p.at("tls")));
    listener.connectionPool().ifPresent(pool -> {
      ConnectionPoolSettingsValidator.validate(pool, p.at("connectionPool"));
      String protocol = port.protocol().orElse("");
      if (pool.http().isPresent() && !Protocol.parse(protocol).isHttp()) {
        p.at("connectionPool").at("http").warning(String.format(
            "sidecar: HTTP connection pool settings are configured for port %d (%s) but its protocol is not HTTP "
                + "(%s); only TCP settings will apply", number, Checks.quote(port.name().orElse("")), protocol));
      }
    });
  }

  private static void defaultEndpoint(String endpoint, Problems p) {
    if (endpoint.startsWith(GatewayRules.UNIX_PREFIX)) {
      GatewayRules.unixAddress(endpoint.substring(GatewayRules.UNIX_PREFIX.length())).ifPresent(p::error);
      return;
    }
    String host = "";
    String portText = "";
    String splitError = null;
    if (endpoint.startsWith("[")) {
      int close = endpoint.indexOf(']');
      if (close < 0) {
        splitError = "address " + endpoint + ": missing ']' in address";
      } else if (close + 1 >= endpoint.length() || endpoint.charAt(close + 1) != ':') {
        splitError = "address " + endpoint + ": missing port in address";
      } else {
        host = endpoint.substring(1, close);
        portText = endpoint.substring(close + 2);
      }
    } else {
      int colon = endpoint.lastIndexOf(':');
      if (colon < 0) {
        splitError = "address " + endpoint + ": missing port in address";
      } else if (endpoint.indexOf(':') != colon) {
        splitError = "address " + endpoint + ": too many colons in address";
      } else {
        host = endpoint.substring(0, colon);
        portText = endpoint.substring(colon + 1);
      }
    }
    if (splitError != null) {
      p.error(splitError);
    }
    if (!host.isEmpty() && !host.equals("127.0.0.1") && !host.equals("0.0.0.0") && !host.equals("::1")
        && !host.equals("::")) {
      p.error("sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,"
          + "unix://filepath or unset");
    }
    if (!portText.matches("[+-]?[0-9]+")) {
      p.error("sidecar: defaultEndpoint port (" + portText + ") is not a number: strconv.Atoi: parsing "
          + Checks.quote(portText) + ": invalid syntax");
      return;
    }
    try {
      Checks.port(Long.parseLong(portText), p);
    } catch (NumberFormatException e) {
      p.error("sidecar: defaultEndpoint port (" + portText + ") is not a number: strconv.Atoi: parsing "
          + Checks.quote(portText) + ": value out of range");
    }
  }

  private static void ingressTls(ServerTLSSettings tls, Port port, Problems p) {
    if (!tls.subjectAltNames().isEmpty()) {
      p.at("subjectAltNames").error("sidecar: subjectAltNames is not supported in ingress tls");
    }
    if (tls.httpsRedirect().orElse(false)) {
      p.at("httpsRedirect").error("sidecar: httpsRedirect is not supported");
    }
    if (ServerTLSSettingsValidator.set(tls.credentialName())) {
      p.at("credentialName").error("sidecar: credentialName is not currently supported");
    }
    TLSmode mode = ServerTLSSettingsValidator.mode(tls);
    if (mode == TLSmode.ISTIO_MUTUAL || mode == TLSmode.AUTO_PASSTHROUGH) {
      p.at("mode").error("configuration is invalid: cannot set mode to " + mode + " in sidecar ingress tls");
    }
    if (!Protocol.parse(port.protocol().orElse("")).isTls()) {
      p.error("server cannot have TLS settings for non HTTPS/TLS ports");
    }
    ServerTLSSettingsValidator.validate(tls, p);
  }

  private static void egress(List<IstioEgressListener> listeners, String namespace, Problems list) {
    Set<Integer> ports = new HashSet<>();
    Set<String> sockets = new HashSet<>();
    boolean catchAllFound = false;
    for (int i = 0; i < listeners.size(); i++) {
      IstioEgressListener egress = listeners.get(i);
      Problems p = list.index(i);
      if (egress.port().isEmpty()) {
        if (catchAllFound) {
          p.error("sidecar: egress can have only one listener with empty port");
          continue;
        }
        if (i == listeners.size() - 1) {
          catchAllFound = true;
        } else {
          p.error("sidecar: the egress listener with empty port should be the last listener in the list");
        }
      } else {
        Port port = egress.port().get();
        if (port.targetPort().orElse(0) != 0) {
          p.at("port").at("targetPort").error("targetPort has no impact on Sidecars");
        }
        String bind = egress.bind().orElse("");
        egressPortBindAndCapture(port, bind, egress.captureMode().orElse(CaptureMode.DEFAULT), p);
        int number = port.number().orElse(0);
        if (number == 0) {
          if (!sockets.add(bind)) {
            p.at("bind").error("sidecar: unix domain socket values for listeners must be unique");
          }
        } else if (!ports.add(number)) {
          p.at("port").at("number").error("sidecar: ports on IP bound listeners must be unique");
        }
      }
      egressHosts(egress.hosts(), namespace, p.at("hosts"));
    }
  }

  private static void egressPortBindAndCapture(Port port, String bind, CaptureMode capture, Problems p) {
    port.name().filter(n -> !n.isEmpty()).flatMap(GatewayRules::portName).ifPresent(p.at("port").at("name")::error);
    Protocol.check(port.protocol().orElse("")).ifPresent(p.at("port").at("protocol")::error);
    int number = port.number().orElse(0);
    if (number == 0) {
      if (!bind.startsWith(GatewayRules.UNIX_PREFIX)) {
        p.at("bind").error("sidecar: ports with 0 value must have a unix domain socket bind address");
      } else {
        GatewayRules.unixAddress(bind.substring(GatewayRules.UNIX_PREFIX.length())).ifPresent(p.at("bind")::error);
      }
      if (capture != CaptureMode.DEFAULT && capture != CaptureMode.NONE) {
        p.at("captureMode").error("sidecar: captureMode must be DEFAULT/NONE for unix domain socket listeners");
      }
    } else {
      Checks.port(Integer.toUnsignedLong(number), p.at("port").at("number"));
      if (!bind.isEmpty()) {
        IpAddresses.address(bind).ifPresent(p.at("bind")::error);
      }
    }
  }

  /** Host syntax plus Istio's duplicate warnings; {@code ./} counts as the Sidecar's own namespace. */
  private static void egressHosts(List<String> hosts, String namespace, Problems p) {
    if (hosts.isEmpty()) {
      p.error("sidecar: egress listener must contain at least one host");
      return;
    }
    Map<String, Set<String>> byNamespace = new HashMap<>();
    for (int i = 0; i < hosts.size(); i++) {
      String hostname = hosts.get(i);
      int slash = hostname.indexOf('/');
      if (slash >= 0) {
        String ns = hostname.substring(0, slash);
        String svc = hostname.substring(slash + 1);
        if (ns.equals(".")) {
          ns = namespace;
        }
        Set<String> svcs = byNamespace.computeIfAbsent(ns, k -> new HashSet<>());
        boolean duplicate = svc.equals("*") ? !svcs.isEmpty() : svcs.contains(svc) || svcs.contains("*");
        if (duplicate) {
          p.index(i).warning("duplicated egress host: " + hostname);
        }
        svcs.add(svc);
      }
      GatewayRules.namespaceSlashHost(hostname, HostOwner.SIDECAR, p.index(i));
    }
    if (byNamespace.getOrDefault("*", Set.of()).contains("*") && byNamespace.size() != 1) {
      p.warning("`*/*` host select all resources, no other hosts can be added");
    }
  }

  private static void outboundTrafficPolicy(OutboundTrafficPolicy tp, Problems p) {
    if (tp.egressProxy().isEmpty()) {
      return;
    }
    if (tp.mode().orElse(OutboundTrafficPolicy.Mode.REGISTRY_ONLY) != OutboundTrafficPolicy.Mode.ALLOW_ANY) {
      p.at("egressProxy").error("sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode");
      return;
    }
    Destination proxy = tp.egressProxy().get();
    Problems ep = p.at("egressProxy");
    String host = proxy.host().orElse("");
    Checks.fqdn(host).ifPresent(ep.at("host")::error);
    if (proxy.port().isEmpty()) {
      ep.at("port").error("sidecar: egress_proxy port must be non-nil");
      return;
    }
    VirtualServiceChecks.destination(proxy, ep);
  }
}
