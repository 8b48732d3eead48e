package dev.meshwright.api.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks of header values written into Envoy configuration, as Istio validates them: no control
 * characters, and a well-formed Envoy substitution grammar ({@code %VAR%}, {@code %VAR(arg)%},
 * {@code %VAR(["a", "b"])%}, {@code %%} for a literal percent sign). Variable names themselves are not
 * checked. Stateless.
 */
public final class HeaderValues {
  private static final Pattern NO_CONTROL_CHARS = Pattern.compile("[^\\x00-\\x08\\x0A-\\x1F\\x7F]*");

  private enum State {
    LITERAL,
    VARIABLE_NAME,
    EXPECT_ARRAY,
    EXPECT_STRING,
    STRING,
    EXPECT_DELIMITER_OR_END,
    EXPECT_ARGS_END,
    EXPECT_VARIABLE_END
  }

  private HeaderValues() {}

  /** Istio's message for a bad header value, or empty when {@code value} is fine. */
  public static Optional<String> check(String value) {
    if (!NO_CONTROL_CHARS.matcher(value).matches()) {
      return Optional.of("header value configuration " + value + " is invalid");
    }
    return grammar(value).map(m -> "header value configuration: " + m);
  }

  /** The Envoy substitution grammar alone; the message Envoy's parser would give. */
  static Optional<String> grammar(String value) {
    State state = State.LITERAL;
    for (int pos = 0; pos < value.length(); pos++) {
      char ch = value.charAt(pos);
      boolean hasNext = pos + 1 < value.length();
      switch (state) {
        case LITERAL -> {
          if (ch == '%') {
            if (!hasNext) {
              return Optional.of("invalid header configuration. Un-escaped %");
            }
            if (value.charAt(pos + 1) == '%') {
              pos++;
            } else {
              state = State.VARIABLE_NAME;
            }
          }
        }
        case VARIABLE_NAME -> {
          if (ch == '%') {
            state = State.LITERAL;
          } else if (ch == '(') {
            state = State.EXPECT_ARRAY;
          }
        }
        case EXPECT_ARRAY -> {
          if (ch == '[') {
            state = State.EXPECT_STRING;
          } else if (ch != ' ') {
            state = State.STRING;
          }
        }
        case EXPECT_DELIMITER_OR_END -> {
          if (ch == ',') {
            state = State.EXPECT_STRING;
          } else if (ch == ']') {
            state = State.EXPECT_ARGS_END;
          } else if (ch != ' ') {
            return Optional.of("invalid header configuration. Expecting ',', ']', or whitespace");
          }
        }
        case EXPECT_STRING -> {
          if (ch == '"') {
            state = State.STRING;
          } else if (ch != ' ') {
            return Optional.of("invalid header configuration. Expecting '\"'");
          }
        }
        case STRING -> {
          if (ch == '\\') {
            if (!hasNext) {
              return Optional.of("invalid header configuration. Un-terminated backslash in JSON string");
            }
            pos++;
          } else if (ch == ')') {
            state = State.EXPECT_VARIABLE_END;
          } else if (ch == '"') {
            state = State.EXPECT_DELIMITER_OR_END;
          }
        }
        case EXPECT_ARGS_END -> {
          if (ch == ')') {
            state = State.EXPECT_VARIABLE_END;
          } else if (ch != ' ') {
            return Optional.of(
                "invalid header configuration. Expecting ')' or whitespace after '{}', but found '{}'");
          }
        }
        case EXPECT_VARIABLE_END -> {
          if (ch == '%') {
            state = State.LITERAL;
          } else if (ch != ' ') {
            return Optional.of("invalid header configuration. Expecting '%' or whitespace after");
          }
        }
        default -> throw new AssertionError(state);
      }
    }
    if (state != State.LITERAL) {
      return Optional.of("invalid header configuration. Un-terminated variable expression '" + value + "'");
    }
    return Optional.empty();
  }
}
