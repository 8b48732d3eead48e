package dev.meshwright.api.security;

import dev.meshwright.api.Problems;
import dev.meshwright.api.security.AuthorizationPolicySpec.Action;
import java.util.List;

/**
 * Istio's checks of one AuthorizationPolicy rule: every {@code from} has a non-empty source, every
 * {@code to} a non-empty operation, values are well-formed, and conditions use known keys. A DENY rule
 * that only uses HTTP attributes gets a warning, since it then also denies all TCP traffic. Stateless.
 */
final class AuthorizationRuleChecks {
  private AuthorizationRuleChecks() {}

  static void check(Rule rule, int index, Action action, Problems p) {
    boolean fromExists = false;
    boolean tcpInFrom = false;
    for (int j = 0; j < rule.from().size(); j++) {
      Problems f = p.at("from", j);
      Source src = rule.from().get(j).source().orElse(null);
      if (src == null) {
        f.error("`from.source` must not be nil, found at rule " + index);
        continue;
      }
      fromExists = true;
      checkSource(src, index, f.at("source"));
      tcpInFrom |= !src.principals().isEmpty() || !src.notPrincipals().isEmpty()
          || !src.ipBlocks().isEmpty() || !src.notIpBlocks().isEmpty()
          || !src.namespaces().isEmpty() || !src.notNamespaces().isEmpty()
          || !src.remoteIpBlocks().isEmpty() || !src.notRemoteIpBlocks().isEmpty();
    }
    boolean toExists = false;
    boolean tcpInTo = false;
    for (int j = 0; j < rule.to().size(); j++) {
      Problems t = p.at("to", j);
      Operation op = rule.to().get(j).operation().orElse(null);
      if (op == null) {
        t.error("`to.operation` must not be nil, found at rule " + index);
        continue;
      }
      toExists = true;
      checkOperation(op, index, t.at("operation"));
      tcpInTo |= !op.ports().isEmpty() || !op.notPorts().isEmpty();
    }
    for (int j = 0; j < rule.when().size(); j++) {
      checkCondition(rule.when().get(j), p.at("when", j));
    }
    if (action == Action.DENY && ((fromExists && !toExists && !tcpInFrom) || (toExists && !tcpInTo))) {
      p.warning("configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the "
          + "use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port");
    }
  }

  private static void checkSource(Source src, int index, Problems s) {
    if (src.principals().isEmpty() && src.requestPrincipals().isEmpty() && src.namespaces().isEmpty()
        && src.ipBlocks().isEmpty() && src.remoteIpBlocks().isEmpty() && src.notPrincipals().isEmpty()
        && src.notRequestPrincipals().isEmpty() && src.notNamespaces().isEmpty()
        && src.notIpBlocks().isEmpty() && src.notRemoteIpBlocks().isEmpty()) {
      s.error("`from.source` must not be empty, found at rule " + index);
    }
    ips(src.ipBlocks(), s.at("ipBlocks"));
    ips(src.notIpBlocks(), s.at("notIpBlocks"));
    ips(src.remoteIpBlocks(), s.at("remoteIpBlocks"));
    ips(src.notRemoteIpBlocks(), s.at("notRemoteIpBlocks"));
    empty("Principals", src.principals(), s.at("principals"));
    empty("RequestPrincipals", src.requestPrincipals(), s.at("requestPrincipals"));
    empty("Namespaces", src.namespaces(), s.at("namespaces"));
    empty("IpBlocks", src.ipBlocks(), s.at("ipBlocks"));
    empty("RemoteIpBlocks", src.remoteIpBlocks(), s.at("remoteIpBlocks"));
    empty("NotPrincipals", src.notPrincipals(), s.at("notPrincipals"));
    empty("NotRequestPrincipals", src.notRequestPrincipals(), s.at("notRequestPrincipals"));
    empty("NotNamespaces", src.notNamespaces(), s.at("notNamespaces"));
    empty("NotIpBlocks", src.notIpBlocks(), s.at("notIpBlocks"));
    empty("NotRemoteIpBlocks", src.notRemoteIpBlocks(), s.at("notRemoteIpBlocks"));
  }

  private static void checkOperation(Operation op, int index, Problems o) {
    if (op.ports().isEmpty() && op.methods().isEmpty() && op.paths().isEmpty() && op.hosts().isEmpty()
        && op.notPorts().isEmpty() && op.notMethods().isEmpty() && op.notPaths().isEmpty()
        && op.notHosts().isEmpty()) {
      o.error("`to.operation` must not be empty, found at rule " + index);
    }
    AuthzValues.ports(op.ports()).forEach(o.at("ports")::error);
    AuthzValues.ports(op.notPorts()).forEach(o.at("notPorts")::error);
    empty("Ports", op.ports(), o.at("ports"));
    empty("Methods", op.methods(), o.at("methods"));
    empty("Paths", op.paths(), o.at("paths"));
    empty("Hosts", op.hosts(), o.at("hosts"));
    empty("NotPorts", op.notPorts(), o.at("notPorts"));
    empty("NotMethods", op.notMethods(), o.at("notMethods"));
    empty("NotPaths", op.notPaths(), o.at("notPaths"));
    empty("NotHosts", op.notHosts(), o.at("notHosts"));
    AuthzValues.pathTemplates("Paths", op.paths()).ifPresent(o.at("paths")::error);
    AuthzValues.pathTemplates("NotPaths", op.notPaths()).ifPresent(o.at("notPaths")::error);
  }

  private static void checkCondition(Condition c, Problems w) {
    String key = c.key().orElse("");
    if (key.isEmpty()) {
      w.at("key").error("`key` must not be empty");
      return;
    }
    if (c.values().isEmpty() && c.notValues().isEmpty()) {
      w.error("at least one of `values` or `notValues` must be set for key " + key);
      return;
    }
    AuthzValues.attribute(key, c.values())
        .ifPresent(e -> w.at("values").error("invalid `value` for `key` " + key + ": " + e));
    AuthzValues.attribute(key, c.notValues())
        .ifPresent(e -> w.at("notValues").error("invalid `notValue` for `key` " + key + ": " + e));
  }

  private static void ips(List<String> values, Problems p) {
    AuthzValues.ips(values).forEach(p::error);
  }

  private static void empty(String field, List<String> values, Problems p) {
    AuthzValues.emptyValue(field, values).ifPresent(p::error);
  }
}
