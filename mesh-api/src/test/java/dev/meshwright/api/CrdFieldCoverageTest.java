package dev.meshwright.api;

import dev.meshwright.testing.Corpus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.api.json.OneofCodec;
import dev.meshwright.api.kinds.IstioKinds;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Walks the schema of every Istio CRD ({@code <corpus>/crds/crd-all.gen.yaml}) and checks that the kind's
 * spec class has a Jackson property for every field at every level (through objects, lists, maps and
 * oneof variants; a {@code x-kubernetes-preserve-unknown-fields} subtree is free-form and not walked).
 *
 * <p>A kind missing from {@link IstioKinds} is a failure too, unless the system property
 * {@code crd.coverage.allowMissingKinds=true} is set (then it is only printed).
 */
class CrdFieldCoverageTest {
  private static final SerializationConfig CONFIG = MeshJackson.json().getSerializationConfig();
  private static final Set<String> UNCHECKED = ConcurrentHashMap.newKeySet();

  @Test
  @DisplayName("every field of every Istio CRD schema has a Jackson property in the kind's spec class")
  void everyCrdFieldIsModelled() throws IOException {
    Path crds = Corpus.require("crds/crd-all.gen.yaml");
    boolean allowMissingKinds = Boolean.getBoolean("crd.coverage.allowMissingKinds");
    Set<String> missing = new TreeSet<>();
    Set<String> skippedKinds = new TreeSet<>();
    int checkedKinds = 0;
    try (MappingIterator<JsonNode> docs = MeshJackson.yaml().readerFor(JsonNode.class).readValues(Files.readString(crds))) {
      while (docs.hasNext()) {
        JsonNode crd = docs.next();
        if (crd == null || !crd.path("kind").asText().equals("CustomResourceDefinition")) {
          continue;
        }
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        Optional<ResourceKind<?, ?>> typed = IstioKinds.find(group, kind);
        if (typed.isEmpty()) {
          (allowMissingKinds ? skippedKinds : missing).add(kind + ": kind not registered in IstioKinds (" + group + ")");
          continue;
        }
        checkedKinds++;
        JavaType specType = CONFIG.constructType(typed.get().specType());
        for (JsonNode version : crd.path("spec").path("versions")) {
          JsonNode spec = version.path("schema").path("openAPIV3Schema").path("properties").path("spec");
          walk(kind, "spec", spec, specType, missing);
        }
      }
    }
    skippedKinds.forEach(k -> System.out.println("skipped (crd.coverage.allowMissingKinds=true): " + k));
    System.out.printf("CRD field coverage: %d kinds checked, %d skipped, %d missing fields%n",
        checkedKinds, skippedKinds.size(), missing.size());
    assertThat(checkedKinds).as("at least one kind is registered").isPositive();
    assertThat(missing).as("CRD fields without a Jackson property (Kind: path)").isEmpty();
  }

  @Test
  @DisplayName("the walk reports fields a spec class lacks, through maps and oneof variants")
  void walkReportsMissingFields() throws IOException {
    JsonNode schema = MeshJackson.yaml().readTree("""
        properties:
          mtls: {properties: {mode: {type: string}, extra: {type: string}}}
          portLevelMtls: {additionalProperties: {properties: {mode: {type: string}, other: {type: string}}}}
          selector: {properties: {matchLabels: {additionalProperties: {type: string}}}}
          bogus: {type: string}
        """);
    Set<String> missing = new TreeSet<>();
    walk("PeerAuthentication", "spec", schema,
        CONFIG.constructType(dev.meshwright.api.security.PeerAuthenticationSpec.class), missing);
    assertThat(missing).containsExactly("PeerAuthentication: spec.bogus", "PeerAuthentication: spec.mtls.extra",
        "PeerAuthentication: spec.portLevelMtls[*].other");

    JsonNode oneof = MeshJackson.yaml().readTree(
        "properties: {exact: {type: string}, prefix: {type: string}, regex: {type: string}, suffix: {type: string}}");
    Set<String> missingVariants = new TreeSet<>();
    walk("X", "spec.uri", oneof, CONFIG.constructType(dev.meshwright.api.networking.StringMatch.class), missingVariants);
    assertThat(missingVariants).containsExactly("X: spec.uri.suffix");

    JsonNode lists = MeshJackson.yaml().readTree("""
        properties:
          distribute: {items: {properties: {from: {type: string}, to: {additionalProperties: {type: integer}}, weight: {}}}}
          failoverPriority: {items: {type: string}}
          enabled: {items: {properties: {x: {type: string}}}}
        """);
    Set<String> missingInLists = new TreeSet<>();
    walk("Y", "spec.lb", lists,
        CONFIG.constructType(dev.meshwright.api.networking.LocalityLoadBalancerSetting.class), missingInLists);
    assertThat(missingInLists).containsExactly("Y: spec.lb.distribute[].weight", "Y: spec.lb.enabled (a list in the CRD, Boolean in Java)");
  }

  /** Checks {@code schema} (at {@code path}) against {@code type}, adding a line per field the type lacks. */
  private static void walk(String kind, String path, JsonNode schema, JavaType type, Set<String> missing) {
    if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      return;
    }
    JavaType t = unwrapOptional(type);
    if (isOpaque(t)) {
      return;
    }
    JsonNode items = schema.path("items");
    if (items.isObject()) {
      if (t.isCollectionLikeType() || t.isArrayType()) {
        walk(kind, path + "[]", items, t.getContentType(), missing);
      } else if (needsWalk(items)) {
        missing.add(kind + ": " + path + " (a list in the CRD, " + t.getRawClass().getSimpleName() + " in Java)");
      }
      return;
    }
    JsonNode values = schema.path("additionalProperties");
    if (values.isObject()) {
      if (t.isMapLikeType()) {
        walk(kind, path + "[*]", values, t.getContentType(), missing);
      } else if (needsWalk(values)) {
        missing.add(kind + ": " + path + " (a map in the CRD, " + t.getRawClass().getSimpleName() + " in Java)");
      }
      return;
    }
    JsonNode properties = schema.path("properties");
    if (!properties.isObject()) {
      return;
    }
    Map<String, JavaType> javaProperties = jsonProperties(t);
    for (Map.Entry<String, JsonNode> field : properties.properties()) {
      JavaType fieldType = javaProperties.get(field.getKey());
      if (fieldType == null) {
        missing.add(kind + ": " + path + "." + field.getKey());
      } else {
        walk(kind, path + "." + field.getKey(), field.getValue(), fieldType, missing);
      }
    }
  }

  private static boolean needsWalk(JsonNode schema) {
    return schema.has("properties") || schema.has("items") || schema.has("additionalProperties");
  }

  private static JavaType unwrapOptional(JavaType type) {
    if (type.isReferenceType()) {
      return unwrapOptional(type.getReferencedType());
    }
    if (type.getRawClass() == Optional.class && type.containedTypeCount() == 1) {
      return unwrapOptional(type.containedType(0));
    }
    return type;
  }

  /**
   * Values whose fields cannot be checked: free-form ones ({@code Object}, {@code JsonNode},
   * {@code Map<String, Object>}) and types read by a hand-written deserializer other than {@link OneofCodec}.
   */
  private static boolean isOpaque(JavaType t) {
    Class<?> raw = t.getRawClass();
    if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)
        || (t.isMapLikeType() && t.getContentType().getRawClass() == Object.class)) {
      return true;
    }
    JsonDeserialize annotation = raw.getAnnotation(JsonDeserialize.class);
    boolean customCodec = annotation != null && annotation.using() != JsonDeserializer.None.class
        && !OneofCodec.Deserializer.class.isAssignableFrom(annotation.using());
    if (customCodec && UNCHECKED.add(raw.getName())) {
      System.out.println("not walked (custom deserializer " + annotation.using().getName() + "): " + raw.getName());
    }
    return customCodec;
  }

  /**
   * The JSON properties of a type and their types: the variant keys of a oneof read by {@link OneofCodec},
   * else the bean properties of its serialization type ({@code @JsonSerialize(as = ImmutableX.class)}).
   */
  private static Map<String, JavaType> jsonProperties(JavaType type) {
    Map<String, JavaType> out = new LinkedHashMap<>();
    Optional<OneofCodec<?>> oneof = oneofCodec(type.getRawClass());
    if (oneof.isPresent()) {
      oneof.get().variantTypes().forEach((key, cls) -> out.put(key, CONFIG.constructType(cls)));
      return out;
    }
    try {
      JavaType serialized = CONFIG.getAnnotationIntrospector()
          .refineSerializationType(CONFIG, CONFIG.introspect(type).getClassInfo(), type);
      for (BeanPropertyDefinition p : CONFIG.introspect(serialized).findProperties()) {
        out.put(p.getName(), p.getPrimaryType());
      }
      // Names read through @JsonAlias (e.g. jwks_uri beside jwksUri) count as modelled fields too.
      for (java.lang.reflect.Method m : type.getRawClass().getMethods()) {
        com.fasterxml.jackson.annotation.JsonAlias alias =
            m.getAnnotation(com.fasterxml.jackson.annotation.JsonAlias.class);
        if (alias != null && out.containsKey(m.getName())) {
          for (String name : alias.value()) {
            out.putIfAbsent(name, out.get(m.getName()));
          }
        }
      }
    } catch (JsonMappingException e) {
      throw new IllegalStateException(type + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static Optional<OneofCodec<?>> oneofCodec(Class<?> raw) {
    JsonDeserialize annotation = raw.getAnnotation(JsonDeserialize.class);
    if (annotation == null || !OneofCodec.Deserializer.class.isAssignableFrom(annotation.using())) {
      return Optional.empty();
    }
    try {
      Constructor<?> ctor = annotation.using().getDeclaredConstructor();
      ctor.setAccessible(true);
      return Optional.of(((OneofCodec.Deserializer<?>) ctor.newInstance()).codec());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(raw + ": cannot create its oneof deserializer", e);
    }
  }
}
