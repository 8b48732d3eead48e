package dev.meshwright.api.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.GenericResource;
import dev.meshwright.api.JsonValues;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.ResourceKind;
import dev.meshwright.api.Severity;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.json.RemovedFields;
import dev.meshwright.api.kinds.IstioKinds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds one parsed document (a Jackson tree) to a {@link MeshResource}, collecting every problem as a
 * diagnostic with a field path. Paths are turned into positions by the caller. Not thread-safe; one per
 * document (the shared readers and handler are thread-safe).
 */
final class ResourceBinder {
  private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "kind", "metadata", "spec", "status");
  private static final ObjectMapper MAPPER = MeshJackson.json();

  private final Strictness strictness;
  /** A finding and the path whose position should be shown for it (the unknown field itself, say). */
  record Finding(Diagnostic diagnostic, String locatePath) {}

  /** Readers per bound type, all sharing {@link UnknownFields#INSTANCE}; building one per document was measurable. */
  private static final java.util.concurrent.ConcurrentMap<Class<?>, ObjectReader> READERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The binder binding on this thread, for the shared unknown-field handler. */
  private static final ThreadLocal<ResourceBinder> CURRENT = new ThreadLocal<>();

  private final List<Finding> diagnostics = new ArrayList<>();
  private String currentPrefix = "";
  private int hardErrors;
  private String kind = "";
  private String namespace = "";
  private String name = "";

  ResourceBinder(Strictness strictness) {
    this.strictness = strictness;
  }

  List<Finding> findings() {
    return diagnostics;
  }

  /** Binds {@code root}; empty when the document has an error that keeps it from being used. */
  Optional<MeshResource> bind(JsonNode root) {
    if (!(root instanceof ObjectNode obj)) {
      error("", "document must be an object with apiVersion and kind, got " + describe(root));
      return Optional.empty();
    }
    String apiVersion = text(obj, "apiVersion");
    kind = text(obj, "kind");
    JsonNode meta = obj.get("metadata");
    if (meta != null && meta.isObject()) {
      name = meta.path("name").asText("");
      namespace = meta.path("namespace").asText("");
    }
    if (apiVersion.isEmpty()) {
      error("apiVersion", "apiVersion is required");
    }
    if (kind.isEmpty()) {
      error("kind", "kind is required");
    }
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      return Optional.empty();
    }
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    Optional<ResourceKind<?, ?>> typed = IstioKinds.find(group, kind);
    if (typed.isEmpty()) {
      if (IstioKinds.isIstioGroup(group)) {
        error("kind", "unknown kind " + kind + " in API group " + group);
        return Optional.empty();
      }
      return generic(apiVersion, obj);
    }
    ResourceKind<?, ?> rk = typed.get();
    if (!rk.apiVersions().contains(apiVersion)) {
      error("apiVersion", "unsupported apiVersion " + apiVersion + " for " + kind
          + "; served versions: " + String.join(", ", rk.apiVersions()));
      return Optional.empty();
    }
    return typed(apiVersion, obj, rk);
  }

  /**
   * Binds a document that is not a resource (a MeshConfig file, say) to {@code type}; an absent or null
   * document binds as an empty object. Problems go to {@link #findings()}, with paths from the document root.
   */
  <T> Optional<T> bindDocument(JsonNode root, Class<T> type) {
    JsonNode node = root == null || root.isNull() || root.isMissingNode() ? MAPPER.createObjectNode() : root;
    if (!node.isObject()) {
      error("", "document must be an object, got " + describe(node));
      return Optional.empty();
    }
    return Optional.ofNullable(bindValue(node, type, ""));
  }

  private Optional<MeshResource> generic(String apiVersion, ObjectNode obj) {
    ObjectMeta meta = metadata(obj);
    if (meta == null) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> body = MAPPER.convertValue(obj, Map.class);
    body.remove("apiVersion");
    body.remove("kind");
    body.remove("metadata");
    return Optional.of(new GenericResource(apiVersion, kind, meta, JsonValues.freeze(body)));
  }

  private <S> Optional<MeshResource> typed(String apiVersion, ObjectNode obj, ResourceKind<?, S> rk) {
    Iterator<String> names = obj.fieldNames();
    while (names.hasNext()) {
      String field = names.next();
      if (!TOP_LEVEL.contains(field)) {
        unknown("", field);
      }
    }
    ObjectMeta meta = metadata(obj);
    JsonNode specNode = obj.get("spec");
    S spec = bindValue(specNode == null || specNode.isNull() ? MAPPER.createObjectNode() : specNode,
        rk.specType(), "spec");
    Map<String, Object> status = Map.of();
    JsonNode statusNode = obj.get("status");
    if (statusNode != null && !statusNode.isNull()) {
      if (statusNode.isObject()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = MAPPER.convertValue(statusNode, Map.class);
        status = JsonValues.freeze(raw);
      } else {
        error("status", "status must be an object, got " + describe(statusNode));
      }
    }
    if (meta == null || spec == null || hasBindingErrors()) {
      return Optional.empty();
    }
    try {
      return Optional.of(rk.create(apiVersion, meta, spec, status));
    } catch (RuntimeException e) {
      error("", e.getMessage() == null ? e.toString() : e.getMessage());
      return Optional.empty();
    }
  }

  private ObjectMeta metadata(ObjectNode obj) {
    JsonNode node = obj.get("metadata");
    if (node == null || node.isNull()) {
      return ObjectMeta.builder().build();
    }
    return bindValue(node, ObjectMeta.class, "metadata");
  }

  private <T> T bindValue(JsonNode node, Class<T> type, String prefix) {
    ObjectReader reader = READERS.computeIfAbsent(type, t -> MAPPER.readerFor(t).withHandler(UnknownFields.INSTANCE));
    ResourceBinder outer = CURRENT.get();
    String outerPrefix = currentPrefix;
    CURRENT.set(this);
    currentPrefix = prefix;
    try {
      return reader.readValue(node);
    } catch (JsonMappingException e) {
      error(FieldPath.of(prefix, e), bindingMessage(e));
      return null;
    } catch (IOException | RuntimeException e) {
      error(prefix, String.valueOf(e.getMessage()));
      return null;
    } finally {
      currentPrefix = outerPrefix;
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** Turns a Jackson binding failure into a message a user understands, without Java type names. */
  private static String bindingMessage(JsonMappingException e) {
    if (e instanceof InvalidFormatException ife) {
      Class<?> target = ife.getTargetType();
      if (target != null && target.isEnum()) {
        return "invalid value for enum type: " + quote(String.valueOf(ife.getValue())) + " (valid: "
            + String.join(", ", Arrays.stream(target.getEnumConstants()).map(String::valueOf).toList()) + ")";
      }
      String detail = e.getOriginalMessage();
      if (detail != null && detail.contains("bad Duration")) {
        return detail.substring(detail.indexOf("bad Duration"));
      }
      return "invalid value " + quote(String.valueOf(ife.getValue())) + " for " + describeType(target);
    }
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      String m = e.getCause().getMessage();
      return m == null ? "invalid value" : m.replaceAll("\\bImmutable", "");
    }
    if (e instanceof MismatchedInputException mie) {
      String original = mie.getOriginalMessage();
      if (original != null && (original.contains("only one of") || original.contains("must be set"))) {
        return original;
      }
      if (original != null && original.contains("Null value for")) {
        return "null is not allowed here";
      }
      return "cannot read value: expected " + describeType(mie.getTargetType());
    }
    String m = e.getOriginalMessage();
    return m == null ? "invalid value" : m;
  }

  private static String describeType(Class<?> type) {
    if (type == null) {
      return "a different type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Double.class || type == double.class || type == Float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "a map";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type == java.time.Duration.class) {
      return "a duration such as 10s";
    }
    return "an object (" + type.getSimpleName().replaceFirst("^Immutable", "") + ")";
  }

  private static String describe(JsonNode node) {
    if (node == null) {
      return "nothing";
    }
    JsonNodeType t = node.getNodeType();
    return switch (t) {
      case ARRAY -> "a list";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL, MISSING -> "null";
      default -> "an object";
    };
  }

  private static String text(ObjectNode obj, String field) {
    JsonNode n = obj.get(field);
    return n != null && n.isTextual() ? n.asText() : "";
  }

  static String quote(String s) {
    return dev.meshwright.api.validation.Checks.quote(s);
  }

  /** Errors other than unknown fields: with those, no value could be built. Unknown fields are skipped. */
  private boolean hasBindingErrors() {
    return hardErrors > 0;
  }

  private void error(String path, String message) {
    hardErrors++;
    diagnostics.add(new Finding(
        new Diagnostic(Severity.ERROR, "", 0, 0, kind, namespace, name, path, message), path));
  }

  private void unknown(String path, String field) {
    Severity s = strictness == Strictness.STRICT ? Severity.ERROR : Severity.WARNING;
    String message = "unknown field " + quote(field);
    String locate = path.isEmpty() ? field : path + "." + field;
    diagnostics.add(new Finding(new Diagnostic(s, "", 0, 0, kind, namespace, name, path, message), locate));
  }

  /**
   * Whether {@code field} is listed in {@link RemovedFields} on the value type being read. Jackson hands
   * us the generated class (or its JSON delegate), so look through enclosing classes and interfaces.
   */
  private static boolean isRemovedField(Class<?> type, String field) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      for (Class<?> candidate : candidates(c)) {
        RemovedFields removed = candidate.getAnnotation(RemovedFields.class);
        if (removed != null && Arrays.asList(removed.value()).contains(field)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Class<?>> candidates(Class<?> c) {
    List<Class<?>> out = new ArrayList<>();
    out.add(c);
    out.addAll(Arrays.asList(c.getInterfaces()));
    return out;
  }

  /** Records unknown fields (all of them, not just the first) and skips them. */
  /** Records one unknown (or removed) field met while binding under {@link #currentPrefix}. */
  private void onUnknownField(JsonParser p, Object beanOrClass, String propertyName) {
    // At an object or list value the parser has already entered it: step out to the field's own object.
    com.fasterxml.jackson.core.JsonStreamContext context = p.getParsingContext();
    if (p.currentToken() != null && p.currentToken().isStructStart()) {
      context = context.getParent();
    }
    String parent = FieldPath.of(currentPrefix, context.getParent());
    Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass == null ? null : beanOrClass.getClass();
    if (isRemovedField(type, propertyName)) {
      String locate = parent.isEmpty() ? propertyName : parent + "." + propertyName;
      diagnostics.add(new Finding(new Diagnostic(Severity.WARNING, "", 0, 0, kind, namespace, name, parent,
          "field " + quote(propertyName) + " was removed from Istio's API and is ignored"), locate));
    } else {
      unknown(parent, propertyName);
    }
  }

  /**
   * One shared handler (so readers can be cached per type) that hands unknown fields to the binder
   * currently binding on this thread; records all of them, not just the first, and skips them.
   */
  private static final class UnknownFields extends DeserializationProblemHandler {
    static final UnknownFields INSTANCE = new UnknownFields();

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
        JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
      ResourceBinder binder = CURRENT.get();
      if (binder == null) {
        return false;
      }
      binder.onUnknownField(p, beanOrClass, propertyName);
      p.skipChildren();
      return true;
    }
  }
}
