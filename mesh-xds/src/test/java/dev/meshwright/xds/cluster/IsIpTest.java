package dev.meshwright.xds.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which endpoint addresses count as IP literals (the rest are DNS names). */
class IsIpTest {
  @ParameterizedTest
  @ValueSource(strings = {"10.1.2.3", "0.0.0.0", "255.255.255.255", "::1", "fd00::10", "2001:db8::1.2.3.4", "::"})
  @DisplayName("IPv4 dotted quads and IPv6 literals are IPs")
  void ips(String s) {
    assertThat(LoadAssignments.isIp(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "1.2.3.", ".1.2.3", "1234.1.1.1",
      "a.b.c.d", "reviews.default.svc", "10.1.2.3x", ":", "fd00::g", "١.٢.٣.٤"})
  @DisplayName("names, short or long quads, octets past 255 and non-ASCII digits are not")
  void notIps(String s) {
    assertThat(LoadAssignments.isIp(s)).isFalse();
  }
}
