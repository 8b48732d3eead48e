package dev.meshwright.xds.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterNamesTest {
  @Test
  @DisplayName("outbound, SNI and inbound names follow Istio's subset keys")
  void names() {
    assertThat(ClusterNames.outbound(9080, "", "ratings.shop.svc.corp.example"))
        .isEqualTo("outbound|9080||ratings.shop.svc.corp.example");
    assertThat(ClusterNames.outbound(443, "blue", "api.corp.example")).isEqualTo("outbound|443|blue|api.corp.example");
    assertThat(ClusterNames.outboundSni(443, "blue", "api.corp.example")).isEqualTo("outbound_.443_.blue_.api.corp.example");
    assertThat(ClusterNames.inbound(8443)).isEqualTo("inbound|8443||");
  }

  @Test
  @DisplayName("both name forms parse back to the same key")
  void parse() {
    ClusterNames.Key k = ClusterNames.parse("outbound|8080|canary|db.data.svc.corp.example").orElseThrow();
    assertThat(k).isEqualTo(new ClusterNames.Key(ClusterNames.Direction.OUTBOUND, 8080, "canary",
        "db.data.svc.corp.example"));
    assertThat(ClusterNames.parse("outbound_.8080_.canary_.db.data.svc.corp.example")).contains(k);
    assertThat(k.name()).isEqualTo("outbound|8080|canary|db.data.svc.corp.example");
    assertThat(k.withoutSubset().name()).isEqualTo("outbound|8080||db.data.svc.corp.example");
    assertThat(ClusterNames.parse("inbound|15010||")).contains(
        new ClusterNames.Key(ClusterNames.Direction.INBOUND, 15010, "", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "BlackHoleCluster", "outbound|x||h", "sideways|80||h", "outbound|80|h", "outbound|0||h"})
  @DisplayName("names that are not subset keys do not parse")
  void notKeys(String name) {
    assertThat(ClusterNames.parse(name)).isEmpty();
  }
}
