package dev.meshwright.xds;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.core.v3.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses Istio node IDs ({@code <type>~<ip>~<id>~<dnsDomain>}) and node metadata into a {@link Proxy}, as istiod's
 * {@code ParseServiceNodeWithMetadata} does. A malformed ID is a {@link Parsed.Invalid} with a message, never an
 * exception. Stateless and thread-safe.
 */
public final class NodeIds {
  private NodeIds() {}

  /** The outcome of parsing a node: a proxy, or why there is none. */
  public sealed interface Parsed {
    /** A well-formed node. */
    record Ok(Proxy proxy) implements Parsed {}

    /** A node that cannot be a proxy, and why. */
    record Invalid(String message) implements Parsed {}

    /** The proxy, or {@link IllegalArgumentException} with the message. */
    default Proxy orThrow() {
      if (this instanceof Ok ok) {
        return ok.proxy();
      }
      throw new IllegalArgumentException(((Invalid) this).message());
    }
  }

  /** Parses an Envoy {@link Node}: its ID, its metadata struct and its {@code cluster}. */
  public static Parsed parse(Node node) {
    Parsed p = parse(node.getId(), structToMap(node.getMetadata()));
    return p instanceof Parsed.Ok ok && !node.getCluster().isEmpty()
        ? new Parsed.Ok(ok.proxy().withServiceCluster(node.getCluster())) : p;
  }

  /** Parses a node ID with metadata given as JSON-like values. */
  public static Parsed parse(String nodeId, Map<String, Object> metadata) {
    if (nodeId == null || nodeId.isEmpty()) {
      return new Parsed.Invalid("node ID is empty; expected <type>~<ip>~<id>~<dnsDomain>");
    }
    String[] parts = nodeId.split("~", -1);
    if (parts.length != 4) {
      return new Parsed.Invalid("node ID \"" + nodeId + "\" has " + parts.length
          + " '~'-separated fields; expected 4: <type>~<ip>~<id>~<dnsDomain>");
    }
    var type = ProxyType.fromId(parts[0]);
    if (type.isEmpty()) {
      return new Parsed.Invalid("node ID \"" + nodeId + "\": unknown proxy type \"" + parts[0]
          + "\"; expected one of sidecar, router, waypoint, ztunnel");
    }
    List<String> ips = instanceIps(metadata);
    if (ips.isEmpty()) {
      if (!isIp(parts[1])) {
        return new Parsed.Invalid("node ID \"" + nodeId + "\": \"" + parts[1] + "\" is not an IP address");
      }
      ips = List.of(parts[1]);
    }
    String id = parts[2];
    if (id.isEmpty()) {
      return new Parsed.Invalid("node ID \"" + nodeId + "\": the ID field is empty");
    }
    Object nsMeta = metadata.get("NAMESPACE");
    String namespace = nsMeta instanceof String s && !s.isEmpty() ? s : namespaceOf(id);
    return new Parsed.Ok(new Proxy(type.get(), ips, id, parts[3], namespace, labels(metadata), metadata, nodeId));
  }

  private static String namespaceOf(String id) {
    int dot = id.indexOf('.');
    return dot < 0 ? "" : id.substring(dot + 1);
  }

  private static List<String> instanceIps(Map<String, Object> metadata) {
    Object v = metadata.get("INSTANCE_IPS");
    if (!(v instanceof String s) || s.isBlank()) {
      return List.of();
    }
    return Arrays.stream(s.split(",")).map(String::trim).filter(NodeIds::isIp).toList();
  }

  private static Map<String, String> labels(Map<String, Object> metadata) {
    Map<String, String> out = new TreeMap<>();
    if (metadata.get("LABELS") instanceof Map<?, ?> m) {
      m.forEach((k, val) -> out.put(String.valueOf(k), String.valueOf(val)));
    }
    return out;
  }

  /** Whether {@code s} is a literal IPv4 or IPv6 address (no DNS lookup). */
  public static boolean isIp(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    if (s.indexOf(':') >= 0) {
      return s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '%');
    }
    String[] octets = s.split("\\.", -1);
    if (octets.length != 4) {
      return false;
    }
    for (String o : octets) {
      if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(Character::isDigit) || Integer.parseInt(o) > 255) {
        return false;
      }
    }
    return true;
  }

  /** A protobuf {@link Struct} as JSON-like Java values (String, Boolean, Double, List, Map, null). */
  public static Map<String, Object> structToMap(Struct struct) {
    Map<String, Object> out = new LinkedHashMap<>();
    struct.getFieldsMap().forEach((k, v) -> {
      Object j = toJava(v);
      if (j != null) {
        out.put(k, j);
      }
    });
    return out;
  }

  private static Object toJava(Value v) {
    return switch (v.getKindCase()) {
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> v.getBoolValue();
      case NUMBER_VALUE -> v.getNumberValue();
      case STRUCT_VALUE -> structToMap(v.getStructValue());
      case LIST_VALUE -> list(v.getListValue());
      default -> null;
    };
  }

  private static List<Object> list(ListValue l) {
    List<Object> out = new ArrayList<>();
    l.getValuesList().forEach(v -> {
      Object j = toJava(v);
      if (j != null) {
        out.add(j);
      }
    });
    return out;
  }
}
