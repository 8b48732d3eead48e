package dev.meshwright.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderValuesTest {
  @ParameterizedTest
  @ValueSource(strings = {"foo", "%HOSTNAME%", "100%%", "prefix %HOSTNAME% suffix",
      "%DOWNSTREAM_PEER_CERT_V_END(%b %d %H:%M:%S %Y %Z)%", "%DYNAMIC_METADATA(com.test.my_filter)%",
      "%REQ([\"x-a\", \"x-b\"])%", ""})
  @DisplayName("accepts literals, escaped percent signs and well-formed variables")
  void accepts(String value) {
    assertThat(HeaderValues.check(value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"%START_TIME%%", "abc%123", "50%", "%REQ([x])%", "tab\u0001"})
  @DisplayName("rejects unterminated variables, a lone percent sign and control characters")
  void rejects(String value) {
    assertThat(HeaderValues.check(value)).hasValueSatisfying(m -> assertThat(m).startsWith("header value configuration"));
  }
}
