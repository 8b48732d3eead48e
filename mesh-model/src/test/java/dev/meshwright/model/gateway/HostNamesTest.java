package dev.meshwright.model.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HostNamesTest {
  @Test
  @DisplayName("matches is a bi-directional wildcard match")
  void matches() {
    assertThat(HostNames.matches("*.example.com", "a.example.com")).isTrue();
    assertThat(HostNames.matches("a.example.com", "*.example.com")).isTrue();
    assertThat(HostNames.matches("*.example.com", "*.a.example.com")).isTrue();
    assertThat(HostNames.matches("*", "anything.org")).isTrue();
    assertThat(HostNames.matches("*.example.com", "example.org")).isFalse();
    assertThat(HostNames.matches("a.example.com", "b.example.com")).isFalse();
  }

  @Test
  @DisplayName("subsetOf only holds when every name of the first is matched by the second")
  void subsetOf() {
    assertThat(HostNames.subsetOf("a.example.com", "*.example.com")).isTrue();
    assertThat(HostNames.subsetOf("*.a.example.com", "*.example.com")).isTrue();
    assertThat(HostNames.subsetOf("*.example.com", "*.a.example.com")).isFalse();
    assertThat(HostNames.subsetOf("*.example.com", "a.example.com")).isFalse();
  }
}
