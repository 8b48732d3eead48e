package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.networking.GatewayRules.HostOwner;
import dev.meshwright.api.networking.ServerTLSSettings.TLSmode;
import dev.meshwright.api.validation.Checks;
import dev.meshwright.api.validation.IpAddresses;
import dev.meshwright.api.validation.Protocol;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Istio's Gateway rules: the gateway name, at least one server, each server's hosts, port, bind and TLS, and
 * unique port names.
 */
final class GatewayValidator implements Validator<Gateway> {
  /** Annotation that marks a Gateway generated from a Kubernetes Gateway API resource. */
  static final String GATEWAY_SEMANTICS = "internal.istio.io/gateway-semantics";

  @Override
  public void validate(Gateway resource, Problems problems) {
    boolean gatewayApi = "gateway".equals(resource.metadata().annotations().get(GATEWAY_SEMANTICS));
    String name = resource.name();
    if (!Checks.isDns1123Label(name) && !gatewayApi) {
      problems.at("metadata").at("name").error("invalid gateway name: " + Checks.quote(name));
    }
    Problems p = problems.at("spec");
    List<Server> servers = resource.spec().servers();
    if (servers.isEmpty()) {
      p.at("servers").error("gateway must have at least one server");
    }
    HostOwner owner = gatewayApi ? HostOwner.GATEWAY_API_GATEWAY : HostOwner.GATEWAY;
    for (int i = 0; i < servers.size(); i++) {
      server(servers.get(i), owner, p.at("servers", i));
    }
    Set<String> portNames = new HashSet<>();
    for (int i = 0; i < servers.size(); i++) {
      Server s = servers.get(i);
      if (s.port().isEmpty()) {
        continue;
      }
      Port port = s.port().get();
      String portName = port.name().orElse("");
      if (!portNames.add(portName)) {
        p.at("servers", i).at("port").at("name")
            .error("port names in servers must be unique: duplicate name " + portName);
      }
      boolean redirect = s.tls().flatMap(ServerTLSSettings::httpsRedirect).orElse(false);
      if (redirect && !Protocol.parse(port.protocol().orElse("")).isHttp()) {
        p.at("servers", i).at("tls").at("httpsRedirect")
            .warning("tls.httpsRedirect should only be used with http servers");
      }
    }
  }

  private static void server(Server server, HostOwner owner, Problems p) {
    if (server.hosts().isEmpty()) {
      p.at("hosts").error("server config must contain at least one host");
    }
    for (int i = 0; i < server.hosts().size(); i++) {
      GatewayRules.namespaceSlashHost(server.hosts().get(i), owner, p.at("hosts", i));
    }
    String bind = server.bind().orElse("");
    int before = errors(p);
    serverPort(server, bind, p.at("port"));
    boolean portOk = errors(p) == before;
    serverBind(server, bind, p.at("bind"));
    server.tls().ifPresent(tls -> ServerTLSSettingsValidator.validate(tls, p.at("tls")));
    if (!portOk) {
      return;
    }
    Protocol protocol = Protocol.parse(server.port().flatMap(Port::protocol).orElse(""));
    if (protocol.isTls() && server.tls().isEmpty()) {
      p.at("tls").error("server must have TLS settings for HTTPS/TLS protocols");
    } else if (!protocol.isTls() && server.tls().isPresent()) {
      ServerTLSSettings tls = server.tls().get();
      TLSmode mode = ServerTLSSettingsValidator.mode(tls);
      boolean passthrough = mode == TLSmode.PASSTHROUGH || mode == TLSmode.AUTO_PASSTHROUGH;
      if (protocol.isHttp()) {
        if (!passthrough || ServerTLSSettingsValidator.set(tls.caCertificates())
            || ServerTLSSettingsValidator.set(tls.privateKey())
            || ServerTLSSettingsValidator.set(tls.serverCertificate())) {
          p.at("tls").error("server cannot have TLS settings for plain text HTTP ports");
        }
      } else {
        p.at("tls").error("server cannot have TLS settings for non HTTPS/TLS ports");
      }
    }
  }

  private static void serverPort(Server server, String bind, Problems p) {
    if (server.port().isEmpty()) {
      p.error("port is required");
      return;
    }
    Port port = server.port().get();
    String protocol = port.protocol().orElse("");
    if (Protocol.parse(protocol) == Protocol.UNSUPPORTED) {
      p.at("protocol").error("invalid protocol " + Checks.quote(protocol)
          + ", supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP");
    }
    int number = port.number().orElse(0);
    if (number > 0 || !bind.startsWith(GatewayRules.UNIX_PREFIX)) {
      Checks.port(Integer.toUnsignedLong(number), p.at("number"));
    }
    if (port.targetPort().orElse(0) != 0) {
      p.at("targetPort").error("targetPort has no impact on Gateways");
    }
    if (port.name().orElse("").isEmpty()) {
      p.at("name").error("port name must be set: " + GatewayRules.describe(port));
    }
  }

  private static void serverBind(Server server, String bind, Problems p) {
    if (bind.startsWith(GatewayRules.UNIX_PREFIX)) {
      GatewayRules.unixAddress(bind.substring(GatewayRules.UNIX_PREFIX.length())).ifPresent(p::error);
      server.port().filter(port -> port.number().orElse(0) != 0).ifPresent(port ->
          p.error("port number must be 0 for unix domain socket: " + GatewayRules.describe(port)));
    } else if (!bind.isEmpty()) {
      IpAddresses.address(bind).ifPresent(p::error);
    }
  }

  private static int errors(Problems p) {
    return (int) p.all().stream().filter(d -> d.isError()).count();
  }
}
