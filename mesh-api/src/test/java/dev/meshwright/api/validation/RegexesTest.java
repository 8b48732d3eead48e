package dev.meshwright.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegexesTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "^/service/([^/]+)(/.*)$", "/api/{id}", "a{2,3}?", "(?i)abc", "(?P<name>x)", "(?<name>x)", "[[:alpha:]-]+",
      "\\pL\\p{Greek}\\d\\.", "\\Q*+?\\E", "[a-z\\]]", "[]a]", "x{1001", "\\x{1F600}\\101", "a|b|", "^*", "a(?i)*",
      "a{,5}", "\\0", "\\Q*+\\E", "^1\\.22.*"})
  @DisplayName("accepts what Go's RE2 parser accepts, including a literal { that Java would reject")
  void accepts(String re) {
    assertThat(Regexes.re2Error(re)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "^/(?!admin)       | invalid or unsupported Perl syntax: `(?!`",
      "(?=x)             | invalid or unsupported Perl syntax: `(?=`",
      "(?<=a)b           | invalid named capture: `(?<=a)b`",
      "(?>a)             | invalid or unsupported Perl syntax: `(?>`",
      "(a)\\1            | invalid escape sequence: `\\1`",
      "a*+               | invalid nested repetition operator: `*+`",
      "a**               | invalid nested repetition operator: `**`",
      "?                 | missing argument to repetition operator: `?`",
      "(?i)*             | missing argument to repetition operator: `*`",
      "a{1001}           | invalid repeat count: `{1001}`",
      "[z-a]             | invalid character class range: `z-a`",
      "[abc              | missing closing ]: `[abc`",
      "(abc              | missing closing ): `(abc`",
      "abc)              | unexpected ): `)`",
      "\\Z               | invalid escape sequence: `\\Z`",
      "(?x)a             | invalid or unsupported Perl syntax: `(?x`",
      "[[:foo:]]         | invalid character class range: `[:foo:]`",
      "1\\.2++           | invalid nested repetition operator: `++`"})
  @DisplayName("rejects what RE2 rejects, in Go's words")
  void rejects(String re, String message) {
    assertThat(Regexes.re2Error(re)).contains("error parsing regexp: " + message);
  }

  @ParameterizedTest
  @ValueSource(ints = {1024, 1025})
  @DisplayName("limits the length to 1024 characters")
  void length(int length) {
    assertThat(Regexes.check("a".repeat(length), "uri").isPresent()).isEqualTo(length > 1024);
  }
}
