package dev.meshwright.api.networking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IP and CIDR syntax as Go's net/netip reads it (no DNS lookups). */
class WorkloadEntryChecksTest {
  @ParameterizedTest
  @ValueSource(strings = {"1.2.3.4", "0.0.0.0", "255.255.255.255", "::", "::1", "1::", "fe80::1%eth0",
      "2001:db8:0:0:0:0:0:1", "::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4"})
  void acceptsAddresses(String address) {
    assertThat(WorkloadEntryChecks.isIpAddress(address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "1.2.3.256", "01.2.3.4", "1.2.3.4:80", "1.2.3.4%eth0",
      "1:2:3:4:5:6:7:8:9", "1::2::3", ":1", "1:", "1:::2", "fe80::1%", "[::1]", "1:2:3:4:5:6:7:1.2.3.4",
      "1:2:3:4:5:6:7::8", "12345::", "example.com"})
  void rejectsAddresses(String address) {
    assertThat(WorkloadEntryChecks.isIpAddress(address)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/8", "10.0.0.1/32", "2001:db8::/32", "::/0", "10.0.0.1"})
  void acceptsSubnets(String subnet) {
    assertThat(WorkloadEntryChecks.ipSubnet(subnet)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/", "10.0.0.0/08", "::/129", "fe80::1%eth0/64", "a.b/8"})
  void rejectsSubnets(String subnet) {
    assertThat(WorkloadEntryChecks.ipSubnet(subnet)).hasValueSatisfying(m -> assertThat(m).endsWith("is not a valid CIDR block"));
  }
}
