package dev.meshwright.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * JSON codec for a proto message that is nothing but a oneof, modelled as a sealed type: the JSON form
 * is an object with exactly one key naming the variant ({@code {"prefix": "/api"}}).
 *
 * <p>Declare one per sealed type and expose it through small {@code JsonSerializer}/{@code JsonDeserializer}
 * subclasses named in {@code @JsonSerialize(using=...)}/{@code @JsonDeserialize(using=...)}.
 * An empty object, or one with two variants set, is a binding error naming the allowed keys.
 *
 * @param <T> the sealed type
 */
public final class OneofCodec<T> {
  private record Variant<T>(Class<?> type, Function<Object, T> factory) {}

  private final String typeName;
  private final Map<String, Variant<T>> variants = new LinkedHashMap<>();
  private final Function<T, Map.Entry<String, Object>> writer;
  private java.util.function.Supplier<T> empty;

  /**
   * @param typeName the message name used in errors
   * @param writer gives the key and value of a variant, or {@code null} for the empty value
   */
  public OneofCodec(String typeName, Function<T, Map.Entry<String, Object>> writer) {
    this.typeName = typeName;
    this.writer = writer;
  }

  /**
   * Accepts an object with no variant set ({@code {}}), as proto3 does, mapping it to {@code value};
   * without this an empty object is a binding error.
   */
  public OneofCodec<T> allowEmpty(java.util.function.Supplier<T> value) {
    this.empty = value;
    return this;
  }

  /** Registers variant {@code key} whose JSON value binds to {@code type} and becomes a {@code T} through {@code factory}. */
  @SuppressWarnings("unchecked")
  public <V> OneofCodec<T> variant(String key, Class<V> type, Function<V, T> factory) {
    variants.put(key, new Variant<>(type, v -> factory.apply((V) v)));
    return this;
  }

  /** The JSON keys of the variants and the type each key's value binds to, in registration order. */
  public Map<String, Class<?>> variantTypes() {
    Map<String, Class<?>> out = new LinkedHashMap<>();
    variants.forEach((key, v) -> out.put(key, v.type()));
    return Collections.unmodifiableMap(out);
  }

  public void write(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
    Map.Entry<String, Object> entry = writer.apply(value);
    gen.writeStartObject();
    if (entry != null) {
      gen.writeFieldName(entry.getKey());
      provider.defaultSerializeValue(entry.getValue(), gen);
    }
    gen.writeEndObject();
  }

  @SuppressWarnings("unchecked")
  public T read(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return (T) ctxt.handleUnexpectedToken(Object.class, p);
    }
    T result = null;
    String chosen = null;
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String key = p.currentName();
      p.nextToken();
      Variant<T> variant = variants.get(key);
      if (variant == null) {
        ctxt.handleUnknownProperty(p, null, typeName, key);
        continue;
      }
      if (p.currentToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      if (chosen != null) {
        ctxt.reportInputMismatch(Object.class,
            "%s: only one of %s may be set, got both %s and %s", typeName, variants.keySet(), chosen, key);
      }
      chosen = key;
      result = variant.factory().apply(ctxt.readValue(p, variant.type()));
    }
    if (result == null && empty != null) {
      return empty.get();
    }
    if (result == null) {
      ctxt.reportInputMismatch(Object.class, "%s: one of %s must be set", typeName, variants.keySet());
    }
    return result;
  }

  /** A serializer delegating to a codec; subclass it with a no-argument constructor. */
  public abstract static class Serializer<T> extends JsonSerializer<T> {
    private final OneofCodec<T> codec;

    protected Serializer(OneofCodec<T> codec) {
      this.codec = codec;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      codec.write(value, gen, serializers);
    }
  }

  /** A deserializer delegating to a codec; subclass it with a no-argument constructor. */
  public abstract static class Deserializer<T> extends JsonDeserializer<T> {
    private final OneofCodec<T> codec;

    protected Deserializer(OneofCodec<T> codec) {
      this.codec = codec;
    }

    /** The codec this deserializer reads with (tools use it to list the variant keys). */
    public OneofCodec<T> codec() {
      return codec;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return codec.read(p, ctxt);
    }
  }
}
