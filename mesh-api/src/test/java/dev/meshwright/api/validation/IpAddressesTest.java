package dev.meshwright.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** IP and CIDR syntax as Go's net/netip and net.ParseIP read it (no DNS lookups). */
class IpAddressesTest {
  @ParameterizedTest
  @ValueSource(strings = {"1.1.1.1", "0.0.0.0", "255.255.255.255", "::", "::1", "1::", "1::8", "2001:db8::8a2e:370:7334",
      "2001:db8:0:0:0:0:0:1", "fe80::1%eth0", "::ffff:10.0.0.1", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:8",
      "1:2:3:4:5:6:7::"})
  @DisplayName("accepts IPv4 and IPv6 literals as Go's netip does")
  void accepts(String ip) {
    assertThat(IpAddresses.isIp(ip)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "1.1.1", "1.2.3.4.5", "01.1.1.1", "256.1.1.1", "1.2.3.256", "foo.bar", "example.com",
      "1.2.3.4:80", "1.2.3.4%eth0", "1::2::3", ":1::", ":1", "1:", "1:::2", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::",
      "1:2:3:4:5:6:7::8", "1:2:3:4:5:6:7:1.2.3.4", "fe80::1%", "[::1]", "12345::", "\u0661.2.3.4", "\uff21::1"})
  @DisplayName("rejects names, ports, leading zeros, non-ASCII digits and malformed IPv6")
  void rejects(String ip) {
    assertThat(IpAddresses.isIp(ip)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"1.2.3.4|true", "::1|true", "fe80::1%eth0|false", "[::1]|false"})
  @DisplayName("net.ParseIP semantics: like netip but without zones")
  void withoutZone(String ip, boolean valid) {
    assertThat(IpAddresses.isIpWithoutZone(ip)).as(ip).isEqualTo(valid);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/8", "10.0.0.1/32", "2001:db8::/32", "::/0", "10.0.0.1", "0.0.0.0/0"})
  @DisplayName("accepts addresses and CIDR blocks")
  void subnets(String subnet) {
    assertThat(IpAddresses.subnet(subnet)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/", "::/129", "fe80::1%eth0/64", "10.0.0.0/08", "a.b/8"})
  @DisplayName("rejects prefixes out of range or malformed")
  void badSubnets(String subnet) {
    assertThat(IpAddresses.subnet(subnet)).hasValueSatisfying(m -> assertThat(m).endsWith("is not a valid CIDR block"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1.2.3.4                | no '/'",
      "1.2.3/8                | ParseAddr(\"1.2.3\"): unable to parse IP",
      "fe80::1%eth0/64        | IPv6 zones cannot be present in a prefix",
      "10.0.0.0/08            | bad bits after slash: \"08\"",
      "10.0.0.0/+8            | bad bits after slash: \"+8\"",
      "1.2.3.4/33             | prefix length out of range",
      "::/129                 | prefix length out of range"})
  @DisplayName("reports netip.ParsePrefix errors in Go's words")
  void prefixErrors(String prefix, String reason) {
    assertThat(IpAddresses.prefixError(prefix)).contains("netip.ParsePrefix(\"" + prefix + "\"): " + reason);
  }

  @Test
  @DisplayName("Istio's ValidateIPAddress message")
  void addressMessage() {
    assertThat(IpAddresses.address("10.0.0.0/8")).contains("10.0.0.0/8 is not a valid IP");
    assertThat(IpAddresses.address("fe80::1%eth0")).isEmpty();
  }
}
