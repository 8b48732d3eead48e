package dev.meshwright.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.time.Duration;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The Jackson configuration of Meshwright's typed values: proto-JSON field names, Istio durations,
 * {@code Optional} support, empty values left out, keys written in sorted order (as kubectl prints them),
 * duplicate keys rejected when a document is read into a tree (as {@code MeshYaml} always does). The mappers are thread-safe and shared.
 */
public final class MeshJackson {
  /** Deepest nesting accepted in a document; deeper input is rejected with a clear error. */
  public static final int MAX_NESTING_DEPTH = 200;

  /** Largest document accepted, in characters. */
  public static final int MAX_DOCUMENT_CHARS = 64 * 1024 * 1024;

  private static final JsonMapper JSON = configure(JsonMapper.builder(jsonFactory())).build();
  private static final YAMLMapper YAML = configure(YAMLMapper.builder(yamlFactory())).build();

  private MeshJackson() {}

  /** The Jackson module with Meshwright's custom types; add it to your own mapper to bind our values. */
  public static SimpleModule module() {
    SimpleModule module = new SimpleModule("meshwright");
    module.addSerializer(Duration.class, new DurationSerializer());
    module.addDeserializer(Duration.class, new DurationDeserializer());
    return module;
  }

  /** The shared JSON mapper. */
  public static JsonMapper json() {
    return JSON;
  }

  /** The shared YAML mapper. */
  public static YAMLMapper yaml() {
    return YAML;
  }

  private static com.fasterxml.jackson.core.JsonFactory jsonFactory() {
    return com.fasterxml.jackson.core.JsonFactory.builder()
        .streamReadConstraints(constraints())
        .build();
  }

  private static YAMLFactory yamlFactory() {
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit(MAX_DOCUMENT_CHARS);
    loader.setNestingDepthLimit(MAX_NESTING_DEPTH);
    loader.setAllowDuplicateKeys(false);
    return YAMLFactory.builder()
        .loaderOptions(loader)
        // An empty plain value ("spec:") is YAML's null, as Kubernetes and Istio read it; quoted "" stays a string.
        .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
        .streamReadConstraints(constraints())
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .disable(YAMLGenerator.Feature.SPLIT_LINES)
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
        .disable(YAMLGenerator.Feature.INDENT_ARRAYS)
        .build();
  }

  private static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxDocumentLength(MAX_DOCUMENT_CHARS)
        .build();
  }

  private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B configure(B builder) {
    return builder
        .addModule(new Jdk8Module())
        .addModule(new com.fasterxml.jackson.module.blackbird.BlackbirdModule())
        .addModule(module())
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.USE_DEFAULTS))
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        // Duplicate keys are caught while building the tree every document is read into (cheaper than the
        // parser's own duplicate detection, which keeps a set per object).
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  }

  static final class DurationSerializer extends StdScalarSerializer<Duration> {
    DurationSerializer() {
      super(Duration.class);
    }

    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(IstioDurations.format(value));
    }
  }

  static final class DurationDeserializer extends StdScalarDeserializer<Duration> {
    DurationDeserializer() {
      super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
      }
      try {
        return IstioDurations.parse(p.getText());
      } catch (IllegalArgumentException e) {
        return (Duration) ctxt.handleWeirdStringValue(Duration.class, p.getText(), e.getMessage());
      }
    }
  }
}
