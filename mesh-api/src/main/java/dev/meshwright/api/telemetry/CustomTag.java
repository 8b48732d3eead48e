package dev.meshwright.api.telemetry;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.json.OneofCodec;
import java.util.Map;
import java.util.Objects;

/**
 * Where the value of a custom span tag comes from ({@code Tracing.CustomTag}): a literal, an environment
 * variable of the proxy, or a request header. Written as {@code {literal: {value: v}}}. Immutable; build with
 * {@link #literal}, {@link #environment} or {@link #header}.
 */
@JsonSerialize(using = CustomTag.Json.Out.class)
@JsonDeserialize(using = CustomTag.Json.In.class)
public sealed interface CustomTag {
  /** The proto field name of this variant: {@code literal}, {@code environment} or {@code header}. */
  String type();

  static CustomTag literal(Tracing.Literal literal) {
    return new OfLiteral(literal);
  }

  /** A literal tag with {@code value}. */
  static CustomTag literal(String value) {
    return new OfLiteral(Tracing.Literal.of(value));
  }

  static CustomTag environment(Tracing.Environment environment) {
    return new OfEnvironment(environment);
  }

  static CustomTag header(Tracing.RequestHeader header) {
    return new OfHeader(header);
  }

  /** A fixed value. */
  record OfLiteral(Tracing.Literal literal) implements CustomTag {
    public OfLiteral {
      Objects.requireNonNull(literal, "literal");
    }

    @Override
    public String type() {
      return "literal";
    }
  }

  /** The value of a proxy environment variable. */
  record OfEnvironment(Tracing.Environment environment) implements CustomTag {
    public OfEnvironment {
      Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String type() {
      return "environment";
    }
  }

  /** The value of a request header. */
  record OfHeader(Tracing.RequestHeader header) implements CustomTag {
    public OfHeader {
      Objects.requireNonNull(header, "header");
    }

    @Override
    public String type() {
      return "header";
    }
  }

  /** JSON codec: {@code {"literal"|"environment"|"header": {...}}}. */
  final class Json {
    private Json() {}

    static final OneofCodec<CustomTag> CODEC =
        new OneofCodec<CustomTag>("CustomTag", Json::entry)
            .variant("literal", Tracing.Literal.class, CustomTag::literal)
            .variant("environment", Tracing.Environment.class, CustomTag::environment)
            .variant("header", Tracing.RequestHeader.class, CustomTag::header);

    private static Map.Entry<String, Object> entry(CustomTag tag) {
      if (tag instanceof OfLiteral l) {
        return Map.entry("literal", l.literal());
      }
      if (tag instanceof OfEnvironment e) {
        return Map.entry("environment", e.environment());
      }
      return Map.entry("header", ((OfHeader) tag).header());
    }

    static final class Out extends OneofCodec.Serializer<CustomTag> {
      Out() {
        super(CODEC);
      }
    }

    static final class In extends OneofCodec.Deserializer<CustomTag> {
      In() {
        super(CODEC);
      }
    }
  }
}
