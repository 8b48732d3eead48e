package dev.meshwright.xds.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envoyproxy.envoy.config.core.v3.CidrRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CidrsTest {
  private static String range(String text) {
    CidrRange r = Cidrs.parse(text);
    return r.getAddressPrefix() + "/" + r.getPrefixLen().getValue();
  }

  @Test
  @DisplayName("addresses print as Go's netip prints them; single addresses get the full prefix length")
  void canonicalForms() {
    assertThat(range("10.2.3.4")).isEqualTo("10.2.3.4/32");
    assertThat(range("10.2.3.4/8")).isEqualTo("10.2.3.4/8");
    assertThat(range("2001:DB8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1/128");
    assertThat(range("fe80:0:0:1::/64")).isEqualTo("fe80:0:0:1::/64");
    assertThat(range("::")).isEqualTo("::/128");
    assertThat(range("1:0:2:0:3:0:4:0")).isEqualTo("1:0:2:0:3:0:4:0/128");
    assertThat(range("::FFFF:192.0.2.1")).isEqualTo("::ffff:192.0.2.1/128");
    assertThat(range("64:ff9b::192.0.2.1/96")).isEqualTo("64:ff9b::c000:201/96");
  }

  @Test
  @DisplayName("names, leading zeros and out-of-range prefix lengths are rejected, never resolved")
  void rejects() {
    for (String bad : new String[] {"localhost", "01.2.3.4", "10.0.0.0/33", "::/129", "", "10.0.0.0/+8"}) {
      assertThatThrownBy(() -> Cidrs.parse(bad)).as(bad).isInstanceOf(AuthzException.class);
    }
  }
}
