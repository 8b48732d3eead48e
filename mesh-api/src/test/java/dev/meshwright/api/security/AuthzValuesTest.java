package dev.meshwright.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthzValuesTest {
  @ParameterizedTest
  @ValueSource(strings = {"/{*}/foo", "/foo/{**}/bar", "/foo/bar/{**}", "/foo/*", "*/bar", "/exact"})
  void acceptedPaths(String path) {
    assertThat(AuthzValues.pathTemplates("Paths", List.of(path))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/foo/{**}buzz/bar", "/{*}/foo/{}/bar", "/foo/{*}/bar/*", "/foo/{*}/bar/**/buzz",
      "/foo/{buzz}/bar", "/{buzz}", "/foo/{buzz=*}/bar/{**}", "/{*}/foo/{**}bar", "/{*}/foo/{*}.txt",
      "/{*}/foo/{temp", "/{*}/foo/temp}/bar", "/{*}/foo/temp}/*"})
  void rejectedPaths(String path) {
    assertThat(AuthzValues.pathTemplates("Paths", List.of(path))).isPresent();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "request.headers[:authority]|productpage|true",
      "request.headers[]|productpage|false",
      "source.ip|5.6.7.0/24|true",
      "remote.ip|a.b.c.d|false",
      "source.user|value|false",
      "request.auth.claims[id]|123|true",
      "request.auth.claims[]|value|false",
      "destination.ip|2001:db8::/32|true",
      "destination.ip|1.2.3.04|false",
      "destination.port|x|false",
      "destination.name|value|false",
      "connection.sni|value|true",
      "experimental.envoy.filters.a.b[c]|value|true",
      "experimental.envoy.filters.a.b.x|value|false"})
  void attributes(String key, String value, boolean valid) {
    assertThat(AuthzValues.attribute(key, List.of(value)).isEmpty()).as(key + "=" + value).isEqualTo(valid);
  }
}
