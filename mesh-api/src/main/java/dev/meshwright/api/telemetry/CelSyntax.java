package dev.meshwright.api.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A syntax check of CEL expressions (access log filters): tokens, operator precedence, calls, member
 * access, index, list/map/message literals and the conditional. Types and function names are not
 * checked, as Istio only parses the expression. Stateless.
 */
final class CelSyntax {
  private static final Set<String> REL = Set.of("==", "!=", "<", "<=", ">", ">=", "in");
  private static final List<String> SYMBOLS = List.of(
      "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "%", "?", ":", ".", ",",
      "(", ")", "[", "]", "{", "}");

  private final List<String> tokens;
  private int pos;

  private CelSyntax(List<String> tokens) {
    this.tokens = tokens;
  }

  /** Why {@code expression} is not a CEL expression, or empty. */
  static Optional<String> check(String expression) {
    try {
      CelSyntax parser = new CelSyntax(tokenize(expression));
      parser.expr();
      if (parser.pos < parser.tokens.size()) {
        throw new IllegalArgumentException("extraneous input '" + parser.tokens.get(parser.pos) + "'");
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of("ERROR: <input>: Syntax error: " + e.getMessage());
    }
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        String word = s.substring(start, i);
        boolean prefix = word.equalsIgnoreCase("r") || word.equalsIgnoreCase("b") || word.equalsIgnoreCase("rb")
            || word.equalsIgnoreCase("br");
        if (prefix && i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
          i = string(s, i, word.toLowerCase().contains("r"));
          out.add("\"");
        } else {
          out.add(word);
        }
      } else if (Character.isDigit(c)) {
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
            || ((s.charAt(i) == '-' || s.charAt(i) == '+') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')))) {
          i++;
        }
        out.add("0");
      } else if (c == '"' || c == '\'') {
        i = string(s, i, false);
        out.add("\"");
      } else {
        String sym = null;
        for (String candidate : SYMBOLS) {
          if (s.startsWith(candidate, i)) {
            sym = candidate;
            break;
          }
        }
        if (sym == null) {
          throw new IllegalArgumentException("token recognition error at: '" + c + "'");
        }
        out.add(sym);
        i += sym.length();
      }
    }
    return out;
  }

  /** Skips a string literal starting at {@code i}; returns the index after it. */
  private static int string(String s, int i, boolean raw) {
    char q = s.charAt(i);
    String close = s.startsWith("" + q + q + q, i) ? "" + q + q + q : "" + q;
    int j = i + close.length();
    while (j < s.length()) {
      if (!raw && s.charAt(j) == '\\') {
        j += 2;
        continue;
      }
      if (s.startsWith(close, j)) {
        return j + close.length();
      }
      if (close.length() == 1 && s.charAt(j) == '\n') {
        break;
      }
      j++;
    }
    throw new IllegalArgumentException("token recognition error at: '" + s.substring(i) + "'");
  }

  private String peek() {
    return pos < tokens.size() ? tokens.get(pos) : "<EOF>";
  }

  private boolean accept(String t) {
    if (peek().equals(t)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String t) {
    if (!accept(t)) {
      throw new IllegalArgumentException("mismatched input '" + peek() + "' expecting '" + t + "'");
    }
  }

  private void expr() {
    or();
    if (accept("?")) {
      or();
      expect(":");
      expr();
    }
  }

  private void or() {
    and();
    while (accept("||")) {
      and();
    }
  }

  private void and() {
    relation();
    while (accept("&&")) {
      relation();
    }
  }

  private void relation() {
    addition();
    while (REL.contains(peek())) {
      pos++;
      addition();
    }
  }

  private void addition() {
    multiplication();
    while (accept("+") || accept("-")) {
      multiplication();
    }
  }

  private void multiplication() {
    unary();
    while (accept("*") || accept("/") || accept("%")) {
      unary();
    }
  }

  private void unary() {
    while (accept("!") || accept("-")) {
      // prefix operators may repeat
    }
    member();
  }

  private void member() {
    primary();
    while (true) {
      if (accept(".")) {
        identifier();
        if (accept("(")) {
          arguments(")");
        }
      } else if (accept("[")) {
        expr();
        expect("]");
      } else if (peek().equals("{") && pos > 0 && isIdentifier(tokens.get(pos - 1))) {
        pos++;
        entries(true);
      } else {
        return;
      }
    }
  }

  private void primary() {
    String t = peek();
    if (accept(".")) {
      identifier();
      return;
    }
    if (accept("(")) {
      expr();
      expect(")");
    } else if (accept("[")) {
      arguments("]");
    } else if (accept("{")) {
      entries(false);
    } else if (t.equals("0") || t.equals("\"")) {
      pos++;
    } else if (isIdentifier(t)) {
      pos++;
      if (accept("(")) {
        arguments(")");
      }
    } else {
      throw new IllegalArgumentException("mismatched input '" + t + "' expecting an expression");
    }
  }

  private void identifier() {
    if (!isIdentifier(peek())) {
      throw new IllegalArgumentException("mismatched input '" + peek() + "' expecting IDENTIFIER");
    }
    pos++;
  }

  private void arguments(String close) {
    if (accept(close)) {
      return;
    }
    do {
      if (peek().equals(close)) {
        break;
      }
      expr();
    } while (accept(","));
    expect(close);
  }

  /** Map entries ({@code key: value}) or message fields ({@code name: value}) up to the closing brace. */
  private void entries(boolean fields) {
    if (accept("}")) {
      return;
    }
    do {
      if (peek().equals("}")) {
        break;
      }
      if (fields) {
        identifier();
      } else {
        expr();
      }
      expect(":");
      expr();
    } while (accept(","));
    expect("}");
  }

  private static boolean isIdentifier(String t) {
    return !t.isEmpty() && (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') && !t.equals("in");
  }
}
