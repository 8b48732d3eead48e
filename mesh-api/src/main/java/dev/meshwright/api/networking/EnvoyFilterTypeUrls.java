package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.networking.EnvoyFilterSpec.ApplyTo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks an EnvoyFilter patch value the way Istio's decoding into Envoy's v3 protos would reject it,
 * without the Envoy descriptors: every {@code @type} URL must name a type Istio links (Envoy v3 and
 * v3alpha types, xDS/UDPA types, protobuf well-known types and Istio's own extensions), so v2 types
 * such as {@code envoy.api.v2.Cluster} or {@code envoy.config.filter.http.*.v2.*} are "referenced type
 * unknown"; and the top-level {@code name}, a string in every patchable object, must be a string.
 * Field names and value types below that are not checked. Stateless.
 */
final class EnvoyFilterTypeUrls {
  private static final String TYPE_KEY = "@type";
  /** A version segment of a v3-generation Envoy package ({@code v3}, {@code v3alpha}, {@code v4alpha}). */
  private static final Pattern V3_SEGMENT = Pattern.compile("v[34](alpha)?");
  private static final List<String> OTHER_KNOWN_PREFIXES =
      List.of("google.protobuf.", "udpa.", "xds.", "istio.", "io.istio.", "stats.", "contrib.envoy.");
  /** Types whose {@code value} is an untyped Struct that is not decoded further. */
  private static final List<String> TYPED_STRUCTS = List.of("udpa.type.v1.TypedStruct", "xds.type.v3.TypedStruct");

  private EnvoyFilterTypeUrls() {}

  static void check(ApplyTo applyTo, Map<String, Object> value, Problems p) {
    Object name = value.get("name");
    if (applyTo != ApplyTo.BOOTSTRAP && name != null && !(name instanceof String)) {
      p.at("name").error("Envoy filter: json: cannot unmarshal " + jsonType(name) + " into Go value of type string");
      return;
    }
    firstUnknownType(value).ifPresent(url -> {
      String cause = "Envoy filter: could not resolve Any message type: " + url;
      p.error(url.contains(".v2.")
          ? "referenced type unknown (hint: try using the v3 XDS API): " + cause
          : "referenced type unknown: " + cause);
    });
  }

  /** Whether Istio can resolve the message of {@code typeUrl} (the part after the last slash counts). */
  static boolean isKnown(String typeUrl) {
    String type = typeUrl.substring(typeUrl.lastIndexOf('/') + 1);
    if (type.startsWith("envoy.")) {
      String[] segments = type.split("\\.");
      for (int i = 1; i < segments.length - 1; i++) {
        if (V3_SEGMENT.matcher(segments[i]).matches()) {
          return true;
        }
      }
      return false;
    }
    return OTHER_KNOWN_PREFIXES.stream().anyMatch(type::startsWith);
  }

  private static Optional<String> firstUnknownType(Object node) {
    if (node instanceof Map<?, ?> map) {
      Object type = map.get(TYPE_KEY);
      if (type instanceof String url) {
        if (!isKnown(url)) {
          return Optional.of(url);
        }
        if (TYPED_STRUCTS.stream().anyMatch(url::endsWith)) {
          return Optional.empty();
        }
      }
      for (Object child : map.values()) {
        Optional<String> found = firstUnknownType(child);
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node instanceof List<?> list) {
      for (Object child : list) {
        Optional<String> found = firstUnknownType(child);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static String jsonType(Object value) {
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof List<?>) {
      return "array";
    }
    return "object";
  }
}
