package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshwright.api.json.OneofCodec;
import java.util.Map;
import java.util.Objects;

/**
 * A string match: one of exact, prefix or regex (RE2 syntax), or {@link #empty()}. Written as {@code {exact: "v"}}.
 * Immutable; build with {@link #exact}, {@link #prefix} or {@link #regex}.
 */
@JsonSerialize(using = StringMatch.Json.Out.class)
@JsonDeserialize(using = StringMatch.Json.In.class)
public sealed interface StringMatch {
  /** The matched text or pattern. */
  String value();

  /** The proto field name of this variant: {@code exact}, {@code prefix} or {@code regex}. */
  String type();

  /** The empty match ({@code {}}): in a header or query match it means "present with any value". */
  static StringMatch empty() {
    return Empty.INSTANCE;
  }

  static StringMatch exact(String value) {
    return new Exact(value);
  }

  static StringMatch prefix(String value) {
    return new Prefix(value);
  }

  static StringMatch regex(String value) {
    return new Regex(value);
  }

  /** No variant set ({@code {}}). */
  record Empty() implements StringMatch {
    static final Empty INSTANCE = new Empty();

    @Override
    public String value() {
      return "";
    }

    @Override
    public String type() {
      return "";
    }
  }

  /** Matches the whole string. */
  record Exact(String value) implements StringMatch {
    public Exact {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String type() {
      return "exact";
    }
  }

  /** Matches a leading part of the string. */
  record Prefix(String value) implements StringMatch {
    public Prefix {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String type() {
      return "prefix";
    }
  }

  /** Matches an RE2 regular expression against the whole string. */
  record Regex(String value) implements StringMatch {
    public Regex {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String type() {
      return "regex";
    }
  }

  /** JSON codec: {@code {"exact"|"prefix"|"regex": value}}. */
  final class Json {
    private Json() {}

    static final OneofCodec<StringMatch> CODEC =
        new OneofCodec<StringMatch>(
                "StringMatch", m -> m.type().isEmpty() ? null : Map.entry(m.type(), m.value()))
            .allowEmpty(StringMatch::empty)
            .variant("exact", String.class, StringMatch::exact)
            .variant("prefix", String.class, StringMatch::prefix)
            .variant("regex", String.class, StringMatch::regex);

    static final class Out extends OneofCodec.Serializer<StringMatch> {
      Out() {
        super(CODEC);
      }
    }

    static final class In extends OneofCodec.Deserializer<StringMatch> {
      In() {
        super(CODEC);
      }
    }
  }
}
