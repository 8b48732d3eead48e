package dev.meshwright.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {
  @ParameterizedTest
  @ValueSource(strings = {"1.1.1.1", "255.255.255.255", "::", "::1", "2001:db8::8a2e:370:7334", "fe80::1%eth0",
      "::ffff:10.0.0.1", "1:2:3:4:5:6:7:8"})
  @DisplayName("accepts IPv4 and IPv6 literals as Go's netip does")
  void accepts(String ip) {
    assertThat(IpAddresses.isIp(ip)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.1.1", "01.1.1.1", "256.1.1.1", "foo.bar", "1::2::3", ":1::", "1:2:3:4:5:6:7:8:9",
      "fe80::1%", "12345::"})
  @DisplayName("rejects names, leading zeros and malformed IPv6")
  void rejects(String ip) {
    assertThat(IpAddresses.isIp(ip)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/8", "2001:db8::/32", "10.0.0.1", "0.0.0.0/0"})
  @DisplayName("accepts addresses and CIDR blocks")
  void subnets(String subnet) {
    assertThat(IpAddresses.subnet(subnet)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/", "::/129", "fe80::1%eth0/64", "10.0.0.0/08"})
  @DisplayName("rejects prefixes out of range or malformed")
  void badSubnets(String subnet) {
    assertThat(IpAddresses.subnet(subnet)).hasValueSatisfying(m -> assertThat(m).endsWith("is not a valid CIDR block"));
  }
}
