package dev.meshwright.api.security;

import java.util.Optional;

/**
 * Envoy's grammar for configured header values, as Istio checks it: literal text where {@code %%} is a
 * percent sign and {@code %VAR%} / {@code %VAR(args)%} are substitutions. Control characters are not
 * allowed. Stateless.
 */
final class EnvoyHeaderValue {
  private enum State { LITERAL, NAME, EXPECT_ARRAY, EXPECT_STRING, STRING, EXPECT_DELIMITER, EXPECT_ARGS_END, EXPECT_END }

  private EnvoyHeaderValue() {}

  /** Istio's message for a bad header value, or empty when Envoy accepts it. */
  static Optional<String> check(String value) {
    for (char c : value.toCharArray()) {
      if ((c <= 0x08) || (c >= 0x0A && c <= 0x1F) || c == 0x7F) {
        return Optional.of("header value configuration " + value + " is invalid");
      }
    }
    return grammar(value).map(e -> "header value configuration: " + e);
  }

  private static Optional<String> grammar(String v) {
    State state = State.LITERAL;
    for (int pos = 0; pos < v.length(); pos++) {
      char ch = v.charAt(pos);
      boolean hasNext = pos + 1 < v.length();
      switch (state) {
        case LITERAL -> {
          if (ch == '%') {
            if (!hasNext) {
              return Optional.of("invalid header configuration. Un-escaped %");
            }
            if (v.charAt(pos + 1) == '%') {
              pos++;
            } else {
              state = State.NAME;
            }
          }
        }
        case NAME -> {
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
        case EXPECT_DELIMITER -> {
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
            state = State.EXPECT_END;
          } else if (ch == '"') {
            state = State.EXPECT_DELIMITER;
          }
        }
        case EXPECT_ARGS_END -> {
          if (ch == ')') {
            state = State.EXPECT_END;
          } else if (ch != ' ') {
            return Optional.of("invalid header configuration. Expecting ')' or whitespace after '{}', but found '{}'");
          }
        }
        case EXPECT_END -> {
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
      return Optional.of("invalid header configuration. Un-terminated variable expression '" + v + "'");
    }
    return Optional.empty();
  }
}
