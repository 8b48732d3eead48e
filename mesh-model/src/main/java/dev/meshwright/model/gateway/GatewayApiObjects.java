package dev.meshwright.model.gateway;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TCPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import java.util.Map;
import java.util.Optional;

/**
 * Binds Gateway API objects of any served version ({@code v1}, {@code v1beta1}, {@code v1alpha2}) to
 * fabric8's {@code v1} classes, whose schema is a superset of the older ones for every field Istio reads.
 * Stateless and thread-safe.
 */
public final class GatewayApiObjects {
  /** The Gateway API group. */
  public static final String GROUP = "gateway.networking.k8s.io";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
      "GatewayClass", GatewayClass.class,
      "Gateway", Gateway.class,
      "HTTPRoute", HTTPRoute.class,
      "GRPCRoute", GRPCRoute.class,
      "TCPRoute", TCPRoute.class,
      "TLSRoute", TLSRoute.class,
      "ReferenceGrant", ReferenceGrant.class);

  private GatewayApiObjects() {}

  /** Whether {@code apiVersion}/{@code kind} is a Gateway API kind the conversion reads. */
  public static boolean isGatewayApiKind(String apiVersion, String kind) {
    return apiVersion.startsWith(GROUP + "/") && KINDS.containsKey(kind);
  }

  /**
   * Binds one object given as a JSON-like tree ({@code apiVersion}, {@code kind}, {@code metadata},
   * {@code spec}...) to its {@code v1} class.
   *
   * @return the bound object, or the reason it could not be bound (an unknown kind, or a field of the
   *     wrong type with its path)
   */
  public static Bound bind(Map<String, Object> tree) {
    String apiVersion = String.valueOf(tree.get("apiVersion"));
    String kind = String.valueOf(tree.get("kind"));
    if (!isGatewayApiKind(apiVersion, kind)) {
      return new Bound(Optional.empty(), "kind", "not a Gateway API kind the conversion reads: " + apiVersion + " " + kind);
    }
    try {
      HasMetadata obj = MAPPER.convertValue(tree, KINDS.get(kind));
      obj.setApiVersion(apiVersion);
      return new Bound(Optional.of(obj), "", "");
    } catch (IllegalArgumentException e) {
      String path = "";
      String message = firstLine(e.getMessage());
      if (e.getCause() instanceof JsonMappingException jm) {
        path = path(jm);
        message = firstLine(jm.getOriginalMessage());
      }
      return new Bound(Optional.empty(), path, message);
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /**
   * {@code obj} as its {@code v1} class: itself when it already is one, a converted copy for a fabric8 object
   * of an older version ({@code v1beta1.HTTPRoute}, {@code v1alpha2.TCPRoute}...), empty for other kinds.
   */
  @SuppressWarnings("unchecked")
  public static Optional<HasMetadata> toV1(HasMetadata obj) {
    if (obj == null || KINDS.get(obj.getKind()) == null) {
      return Optional.empty();
    }
    if (KINDS.get(obj.getKind()).isInstance(obj)) {
      return Optional.of(obj);
    }
    return bind(MAPPER.convertValue(obj, Map.class)).object();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "cannot bind";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /**
   * The outcome of {@link #bind}.
   *
   * @param object the bound object, when binding worked
   * @param path the field path of the problem ({@code spec.listeners[0].port}), or empty
   * @param error why it did not bind, or empty
   */
  public record Bound(Optional<HasMetadata> object, String path, String error) {}
}
