package dev.meshwright.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Traffic-capture annotations: their keys, how the template combines them with values (the excluded inbound
 * ports always gain the status port), and Istio's validation of annotation values before injection
 * (CIDR lists, port lists, interception mode, booleans, unsigned integers). Stateless.
 */
final class Traffic {
  static final String INCLUDE_OUTBOUND_IP_RANGES = "traffic.sidecar.istio.io/includeOutboundIPRanges";
  static final String EXCLUDE_OUTBOUND_IP_RANGES = "traffic.sidecar.istio.io/excludeOutboundIPRanges";
  static final String INCLUDE_INBOUND_PORTS = "traffic.sidecar.istio.io/includeInboundPorts";
  static final String EXCLUDE_INBOUND_PORTS = "traffic.sidecar.istio.io/excludeInboundPorts";
  static final String INCLUDE_OUTBOUND_PORTS = "traffic.sidecar.istio.io/includeOutboundPorts";
  static final String EXCLUDE_OUTBOUND_PORTS = "traffic.sidecar.istio.io/excludeOutboundPorts";
  static final String KUBEVIRT_INTERFACES = "traffic.sidecar.istio.io/kubevirtInterfaces";
  static final String EXCLUDE_INTERFACES = "traffic.sidecar.istio.io/excludeInterfaces";

  private static final Pattern IPV4_CIDR = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$");
  private static final Pattern IPV6_CIDR = Pattern.compile("^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*/(\\d{1,3})$");

  private Traffic() {}

  /** The excluded inbound ports with the status port appended unless it is 0, empty or already there. */
  static String excludedInboundPorts(TemplateInput in) {
    String port = in.statusPort().trim();
    String excluded = in.annotation(EXCLUDE_INBOUND_PORTS, "global.proxy.excludeInboundPorts");
    if (port.isEmpty() || port.equals("0")) {
      return excluded;
    }
    List<String> out = new ArrayList<>();
    for (String p : excluded.split(",", -1)) {
      if (p.equals(port)) {
        return excluded;
      }
      if (!p.trim().isEmpty()) {
        out.add(p.trim());
      }
    }
    out.add(port);
    return String.join(",", out);
  }

  static boolean includeOutboundPorts(TemplateInput in) {
    return in.annotations.containsKey(INCLUDE_OUTBOUND_PORTS)
        || !in.values.text("global.proxy.includeOutboundPorts").isEmpty();
  }

  static boolean excludeOutboundPorts(TemplateInput in) {
    return in.annotations.containsKey(EXCLUDE_OUTBOUND_PORTS)
        || !in.values.text("global.proxy.excludeOutboundPorts").isEmpty();
  }

  /**
   * Istio's checks of injection annotations; every problem, sorted by annotation key, as
   * {@code invalid value 'V' for annotation 'K': <parameter> invalid: ...}.
   */
  static List<String> validate(Map<String, String> annotations) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(annotations).entrySet()) {
      String v = e.getValue();
      String problem = switch (e.getKey()) {
        case "sidecar.istio.io/interceptionMode" -> v.equals("REDIRECT") || v.equals("TPROXY") || v.equals("NONE")
            ? null : "interceptionMode invalid, use REDIRECT,TPROXY,NONE: " + v;
        case "sidecar.istio.io/enableCoreDump", "prometheus.istio.io/merge-metrics" -> bool(v);
        case "status.sidecar.istio.io/port" -> port(v) ? null
            : "excludeInboundPorts invalid: failed parsing port '" + v + "'";
        case "readiness.status.sidecar.istio.io/initialDelaySeconds",
            "readiness.status.sidecar.istio.io/periodSeconds",
            "readiness.status.sidecar.istio.io/failureThreshold" -> v.matches("[0-9]{1,10}")
                && Long.parseLong(v) <= 0xFFFFFFFFL ? null : "not an unsigned 32-bit integer: " + v;
        case INCLUDE_OUTBOUND_IP_RANGES -> v.equals("*") ? null : cidrs("includeIPRanges", v);
        case EXCLUDE_OUTBOUND_IP_RANGES -> cidrs("excludeIPRanges", v);
        case INCLUDE_INBOUND_PORTS -> v.equals("*") ? null : ports("includeInboundPorts", v);
        case EXCLUDE_INBOUND_PORTS -> ports("excludeInboundPorts", v);
        case EXCLUDE_OUTBOUND_PORTS -> ports("excludeOutboundPorts", v);
        default -> null;
      };
      if (problem != null) {
        problems.add("invalid value '" + v + "' for annotation '" + e.getKey() + "': " + problem);
      }
    }
    return problems;
  }

  private static String bool(String v) {
    return switch (v) {
      case "1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False" -> null;
      default -> "not a boolean: " + v;
    };
  }

  private static boolean port(String v) {
    String t = v.trim();
    return t.matches("[0-9]{1,5}") && Integer.parseInt(t) <= 65535;
  }

  private static String ports(String parameter, String value) {
    String v = value.trim();
    if (v.isEmpty()) {
      return null;
    }
    for (String p : v.split(",", -1)) {
      if (!port(p)) {
        return parameter + " invalid: failed parsing port '" + p + "'";
      }
    }
    return null;
  }

  private static String cidrs(String parameter, String value) {
    if (value.isEmpty()) {
      return null;
    }
    for (String c : value.split(",", -1)) {
      if (!cidr(c)) {
        return parameter + " invalid: failed parsing cidr '" + c + "'";
      }
    }
    return null;
  }

  private static boolean cidr(String c) {
    var m4 = IPV4_CIDR.matcher(c);
    if (m4.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (m4.group(i).length() > 1 && m4.group(i).startsWith("0") || Integer.parseInt(m4.group(i)) > 255) {
          return false;
        }
      }
      return Integer.parseInt(m4.group(5)) <= 32;
    }
    var m6 = IPV6_CIDR.matcher(c);
    return m6.matches() && Integer.parseInt(m6.group(1)) <= 128;
  }
}
