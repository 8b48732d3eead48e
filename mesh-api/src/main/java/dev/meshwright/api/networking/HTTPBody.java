package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.json.OneofCodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * The body of a direct response ({@code istio.networking.v1alpha3.HTTPBody}): text, raw bytes (written
 * base64-encoded, as proto-JSON does), or {@link #empty()}. Written as {@code {string: "hello"}}.
 * Immutable; build with {@link #string} or {@link #bytes}.
 */
@JsonSerialize(using = HTTPBody.Json.Out.class)
@JsonDeserialize(using = HTTPBody.Json.In.class)
public sealed interface HTTPBody {
  /** The proto field name of this variant: {@code string}, {@code bytes}, or empty for {@link #empty()}. */
  String type();

  /** The body's size in bytes (UTF-8 for text), which Istio limits. */
  int size();

  /** No body specified ({@code {}}). */
  static HTTPBody empty() {
    return Empty.INSTANCE;
  }

  /** A text body. */
  static HTTPBody string(String text) {
    return new Text(text);
  }

  /** A binary body; the array is copied. */
  static HTTPBody bytes(byte[] data) {
    return new Bytes(data);
  }

  /** No variant set. */
  record Empty() implements HTTPBody {
    static final Empty INSTANCE = new Empty();

    @Override
    public String type() {
      return "";
    }

    @Override
    public int size() {
      return 0;
    }
  }

  /** A text body. */
  record Text(String value) implements HTTPBody {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String type() {
      return "string";
    }

    @Override
    public int size() {
      return value.getBytes(StandardCharsets.UTF_8).length;
    }
  }

  /** A binary body. Holds a private copy of the bytes. */
  record Bytes(byte[] value) implements HTTPBody {
    public Bytes {
      value = Objects.requireNonNull(value, "value").clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] value() {
      return value.clone();
    }

    @Override
    public String type() {
      return "bytes";
    }

    @Override
    public int size() {
      return value.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "Bytes[" + Base64.getEncoder().encodeToString(value) + "]";
    }
  }

  /** JSON codec: {@code {"string": text}} or {@code {"bytes": base64}}. */
  final class Json {
    private Json() {}

    static final OneofCodec<HTTPBody> CODEC =
        new OneofCodec<HTTPBody>("HTTPBody", Json::entry)
            .allowEmpty(HTTPBody::empty)
            .variant("string", String.class, HTTPBody::string)
            .variant("bytes", byte[].class, HTTPBody::bytes);

    private static Map.Entry<String, Object> entry(HTTPBody body) {
      if (body instanceof Text t) {
        return Map.entry("string", t.value());
      }
      if (body instanceof Bytes b) {
        // Written as a base64 string, as proto-JSON does (YAML would otherwise tag it !!binary).
        return Map.entry("bytes", Base64.getEncoder().encodeToString(b.value()));
      }
      return null;
    }

    static final class Out extends OneofCodec.Serializer<HTTPBody> {
      Out() {
        super(CODEC);
      }
    }

    static final class In extends OneofCodec.Deserializer<HTTPBody> {
      In() {
        super(CODEC);
      }
    }
  }
}
