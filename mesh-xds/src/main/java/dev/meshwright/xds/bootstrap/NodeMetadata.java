package dev.meshwright.xds.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.mesh.ProxyConfig;
import dev.meshwright.xds.bootstrap.BootstrapOptions.Feature;
import dev.meshwright.xds.cluster.Localities;
import io.envoyproxy.envoy.config.core.v3.Locality;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The node pilot-agent describes to Envoy and istiod: its metadata, service cluster and locality. Metadata comes
 * from three places, later ones winning: {@code ISTIO_META_*} entries of the ProxyConfig's {@code proxyMetadata},
 * {@code ISTIO_META_*} environment variables, then the keys of {@code ISTIO_METAJSON_*} JSON objects. Istio's typed
 * fields (the pod name, namespace, labels, IPs, ports, ProxyConfig...) are then set from what the agent knows and
 * written in their typed form; every other key is passed through as given. Stateless.
 */
final class NodeMetadata {
  static final String META_PREFIX = "ISTIO_META_";
  static final String META_JSON_PREFIX = "ISTIO_METAJSON_";
  static final String LOCALITY_LABEL = "istio-locality";

  /** Typed fields that hold a boolean written as a string ({@code "true"}); false leaves the key out. */
  private static final Set<String> STRING_BOOLS = Set.of("DNS_CAPTURE", "DNS_AUTO_ALLOCATE", "ENABLE_HBONE",
      "DISABLE_HBONE_SEND", "EXIT_ON_ZERO_ACTIVE_CONNECTIONS", "INBOUND_LISTENER_EXACT_BALANCE",
      "OUTBOUND_LISTENER_EXACT_BALANCE", "METADATA_DISCOVERY");

  /** Typed fields that are string maps. */
  private static final Set<String> STRING_MAPS = Set.of("LABELS", "STATIC_LABELS", "ANNOTATIONS",
      "PLATFORM_METADATA");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the node description yields for the rest of the bootstrap.
   *
   * @param metadata the node metadata
   * @param cluster the Envoy service cluster
   * @param locality the node's locality
   * @param typed the typed view: metadata keys as strings (for TLS file overrides and the like)
   * @param annotations the pod annotations the stats options read
   * @param problems why the metadata is not usable, empty when it is
   */
  record Facts(ObjectNode metadata, String cluster, Locality locality, Map<String, String> typed,
      Map<String, String> annotations, List<String> problems) {
    /** A typed string field, empty when unset. */
    String get(String key) {
      return typed.getOrDefault(key, "");
    }
  }

  private NodeMetadata() {}

  static Facts of(BootstrapOptions options) {
    List<String> problems = new ArrayList<>();
    ObjectNode raw = rawMetadata(options, problems);
    ObjectNode typed = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : raw.properties()) {
      typedValue(e.getKey(), e.getValue(), problems).ifPresent(v -> typed.set(e.getKey(), v));
    }
    if (typed.path("ISTIO_VERSION").asText("").isEmpty()) {
      typed.put("ISTIO_VERSION", options.istioVersion());
    }
    List<String> ips = new ArrayList<>(new LinkedHashSet<>(options.instanceIps()));
    putOrRemove(typed, "INSTANCE_IPS", String.join(",", ips));
    options.stsPort().ifPresent(p -> typed.put("STS_PORT", Integer.toString(p)));
    putOrRemove(typed, "ENVOY_STATUS_PORT", options.envoyStatusPort());
    putOrRemove(typed, "ENVOY_PROMETHEUS_PORT", options.envoyPrometheusPort());
    putFlag(typed, "EXIT_ON_ZERO_ACTIVE_CONNECTIONS", options.has(Feature.EXIT_ON_ZERO_ACTIVE_CONNECTIONS));
    putFlag(typed, "METADATA_DISCOVERY", options.has(Feature.METADATA_DISCOVERY));
    typed.set("PROXY_CONFIG", ProxyConfigJson.of(options.proxyConfig()));

    Map<String, String> labels = stringMap(typed.get("LABELS"));
    Map<String, String> staticLabels = stringMap(typed.get("STATIC_LABELS"));
    boolean sharedLabels = false;
    for (Map.Entry<String, String> env : options.environment().entrySet()) {
      switch (env.getKey()) {
        case "ISTIO_METAJSON_LABELS" -> {
          Map<String, String> m = jsonStringMap(env.getValue());
          if (!m.isEmpty()) {
            labels = m;
            staticLabels = m;
            sharedLabels = true;
          }
        }
        case "POD_NAME" -> putOrRemove(typed, "NAME", env.getValue());
        case "POD_NAMESPACE" -> putOrRemove(typed, "NAMESPACE", env.getValue());
        case "SERVICE_ACCOUNT" -> putOrRemove(typed, "SERVICE_ACCOUNT", env.getValue());
        default -> { }
      }
    }
    if (!options.platformMetadata().isEmpty()) {
      typed.set("PLATFORM_METADATA", JSON.valueToTree(options.platformMetadata()));
    }
    if (options.podLabels().isPresent()) {
      Map<String, String> merged = new LinkedHashMap<>(staticLabels);
      options.podLabels().get().forEach((k, v) -> {
        if (!k.equals("pod-template-hash")) {
          merged.put(k, v);
        }
      });
      labels = merged;
      sharedLabels = false;
    }
    Map<String, String> annotations = new LinkedHashMap<>(stringMap(typed.get("ANNOTATIONS")));
    annotations.putAll(options.podAnnotations());

    Locality locality;
    String localityLabel = labels.getOrDefault(LOCALITY_LABEL, "");
    if (localityLabel.isEmpty() && options.platformLocality().isPresent()) {
      locality = options.platformLocality().get();
    } else {
      String sanitized = localityLabel.contains("/") ? localityLabel : localityLabel.replace('.', '/');
      if (!sanitized.isEmpty()) {
        labels = new LinkedHashMap<>(labels);
        labels.put(LOCALITY_LABEL, sanitized);
        if (sharedLabels) {
          staticLabels = labels;
        }
      }
      locality = Localities.of(sanitized);
    }
    putMap(typed, "LABELS", labels);
    putMap(typed, "STATIC_LABELS", staticLabels);
    putMap(typed, "ANNOTATIONS", annotations);
    if (!options.pilotSubjectAltNames().isEmpty()) {
      typed.set("PILOT_SAN", JSON.valueToTree(options.pilotSubjectAltNames()));
    }
    options.outlierLogPath().ifPresent(p -> putOrRemove(typed, "OUTLIER_LOG_PATH", p));

    Map<String, String> typedStrings = new LinkedHashMap<>();
    typed.properties().forEach(e -> {
      if (e.getValue().isTextual()) {
        typedStrings.put(e.getKey(), e.getValue().asText());
      }
    });
    String cluster = ServiceCluster.of(options.proxyConfig(), labels, typedStrings.getOrDefault("WORKLOAD_NAME", ""),
        typedStrings.getOrDefault("NAMESPACE", ""));

    if (options.has(Feature.CREDENTIAL_SOCKET)) {
      raw.put("credential", "true");
    }
    ObjectNode metadata = typed.deepCopy();
    raw.properties().forEach(e -> {
      if (!metadata.has(e.getKey())) {
        metadata.set(e.getKey(), e.getValue());
      }
    });
    return new Facts(sorted(metadata), cluster, locality, typedStrings, annotations, problems);
  }

  /** Keys in sorted order at every level, as pilot-agent writes the metadata JSON. */
  private static ObjectNode sorted(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    Collections.sort(names);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String name : names) {
      JsonNode v = node.get(name);
      out.set(name, v instanceof ObjectNode o ? sorted(o) : v);
    }
    return out;
  }

  /** The untyped metadata, in precedence order: proxyMetadata, ISTIO_META_* variables, ISTIO_METAJSON_* objects. */
  private static ObjectNode rawMetadata(BootstrapOptions options, List<String> problems) {
    ObjectNode raw = JsonNodeFactory.instance.objectNode();
    ProxyConfig pc = options.proxyConfig();
    pc.proxyMetadata().forEach((k, v) -> {
      if (k.startsWith(META_PREFIX)) {
        raw.put(k.substring(META_PREFIX.length()), v);
      }
    });
    options.environment().forEach((k, v) -> {
      if (k.startsWith(META_PREFIX)) {
        raw.put(k.substring(META_PREFIX.length()), v);
      }
    });
    options.environment().forEach((k, v) -> {
      if (k.startsWith(META_JSON_PREFIX)) {
        try {
          JsonNode parsed = JSON.readTree(v);
          if (parsed != null && parsed.isObject()) {
            raw.setAll((ObjectNode) parsed);
          }
        } catch (JsonProcessingException e) {
          // pilot-agent logs a warning and carries on without this variable
        }
      }
    });
    return raw;
  }

  /** The typed form of a raw metadata value, empty when the typed field is left out. */
  private static Optional<JsonNode> typedValue(String key, JsonNode value, List<String> problems) {
    if (STRING_BOOLS.contains(key)) {
      Optional<Boolean> b = value.isTextual() ? parseBool(value.asText()) : Optional.empty();
      if (b.isEmpty()) {
        problems.add("node metadata " + key + ": not a boolean: " + value);
        return Optional.empty();
      }
      return b.get() ? Optional.of(JsonNodeFactory.instance.textNode("true")) : Optional.empty();
    }
    if (STRING_MAPS.contains(key)) {
      if (!value.isObject()) {
        problems.add("node metadata " + key + ": not a map of strings: " + value);
        return Optional.empty();
      }
      return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
    if (key.equals("POD_PORTS")) {
      return podPorts(value, problems).map(JsonNodeFactory.instance::textNode);
    }
    if (value.isTextual() && value.asText().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** Go's {@code strconv.ParseBool}. */
  private static Optional<Boolean> parseBool(String s) {
    return switch (s) {
      case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(true);
      case "0", "f", "F", "FALSE", "false", "False" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** {@code POD_PORTS}: a JSON list of {@code {name, containerPort, protocol}} in a string, rewritten compactly. */
  private static Optional<String> podPorts(JsonNode value, List<String> problems) {
    try {
      JsonNode list = value.isTextual() ? JSON.readTree(value.asText()) : null;
      if (list == null || !list.isArray()) {
        throw new IllegalArgumentException("not a JSON list");
      }
      List<Map<String, Object>> ports = new ArrayList<>();
      for (JsonNode p : list) {
        Map<String, Object> port = new LinkedHashMap<>();
        if (!p.path("name").asText("").isEmpty()) {
          port.put("name", p.path("name").asText());
        }
        port.put("containerPort", p.path("containerPort").asInt());
        port.put("protocol", p.path("protocol").asText(""));
        ports.add(port);
      }
      return Optional.of(JSON.writeValueAsString(ports));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      problems.add("node metadata POD_PORTS: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties().forEach(e -> {
        if (e.getValue().isTextual()) {
          out.put(e.getKey(), e.getValue().asText());
        }
      });
    }
    return out;
  }

  private static Map<String, String> jsonStringMap(String json) {
    try {
      return stringMap(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  private static void putOrRemove(ObjectNode node, String key, String value) {
    if (value.isEmpty()) {
      node.remove(key);
    } else {
      node.put(key, value);
    }
  }

  private static void putOrRemove(ObjectNode node, String key, int value) {
    if (value == 0) {
      node.remove(key);
    } else {
      node.put(key, value);
    }
  }

  private static void putFlag(ObjectNode node, String key, boolean on) {
    if (on) {
      node.put(key, "true");
    } else {
      node.remove(key);
    }
  }

  private static void putMap(ObjectNode node, String key, Map<String, String> value) {
    if (value.isEmpty()) {
      node.remove(key);
    } else {
      node.set(key, JSON.valueToTree(value));
    }
  }
}
