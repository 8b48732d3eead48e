package dev.meshwright.xds.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.StringValue;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a stream holds and asks for of one type: names by hostname, the summed version, shared name sets. */
class TypeStateTest {
  private static XdsResource res(String name, String value) {
    return XdsResource.of(name, StringValue.of(value));
  }

  @Test
  void explicitNamesOfAHostComeFromTheIndexWhetherHeldOrNot() {
    TypeState eds = new TypeState(TypeUrls.ENDPOINT);
    eds.setNames(List.of("outbound|80||a.ns.svc.cluster.local", "outbound|80|v1|a.ns.svc.cluster.local",
        "outbound|9080||b.ns.svc.cluster.local", "outbound|80||a.ns.svc.cluster.local.other"));
    eds.hold(List.of(res("outbound|80||a.ns.svc.cluster.local", "x")));

    assertThat(eds.namesForHosts(Set.of("a.ns.svc.cluster.local")))
        .containsExactlyInAnyOrder("outbound|80||a.ns.svc.cluster.local", "outbound|80|v1|a.ns.svc.cluster.local");
    assertThat(eds.namesForHosts(Set.of("c.ns.svc.cluster.local"))).isEmpty();
  }

  @Test
  void aWildcardFindsTheHeldNamesOfAHostByTheirLastPart() {
    TypeState cds = new TypeState(TypeUrls.CLUSTER);
    cds.wildcard = true;
    cds.hold(List.of(res("outbound|80||a.ns.svc.cluster.local", "x"), res("outbound|80||xa.ns.svc.cluster.local", "y"),
        res("inbound|8080||", "z"), res("BlackHoleCluster", "w")));

    assertThat(cds.namesForHosts(Set.of("a.ns.svc.cluster.local")))
        .containsExactly("outbound|80||a.ns.svc.cluster.local");
  }

  @Test
  void theVersionDependsOnWhatIsHeldNotOnTheOrderItCameIn() {
    TypeState one = new TypeState(TypeUrls.CLUSTER);
    TypeState two = new TypeState(TypeUrls.CLUSTER);
    one.hold(List.of(res("a", "1"), res("b", "2"), res("c", "3")));
    two.hold(List.of(res("c", "3")));
    two.hold(List.of(res("b", "2"), res("a", "1")));
    assertThat(one.heldVersion()).isEqualTo(two.heldVersion()).hasSize(16);

    String before = one.heldVersion();
    one.hold(List.of(res("b", "changed")));
    assertThat(one.heldVersion()).isNotEqualTo(before);
    one.hold(List.of(res("b", "2")));
    assertThat(one.heldVersion()).isEqualTo(before);

    one.hold(List.of(res("d", "4")));
    one.release(List.of("d", "never-held"));
    assertThat(one.heldVersion()).isEqualTo(before);
    one.releaseAll();
    assertThat(one.heldVersion()).isEqualTo(new TypeState(TypeUrls.CLUSTER).heldVersion());
  }

  @Test
  void streamsAskingForTheSameNamesShareOneImmutableSet() {
    TypeState a = new TypeState(TypeUrls.ENDPOINT);
    TypeState b = new TypeState(TypeUrls.ENDPOINT);
    a.setNames(List.of("x", "y"));
    b.changeNames(List.of("y", "x", "z"), List.of("z"));

    assertThat(b.names()).isSameAs(a.names()).containsExactlyInAnyOrder("x", "y");
    assertThat(Set.copyOf(a.names())).isSameAs(a.names());
    assertThat(a.changeNames(List.of("x"), List.of("absent"))).isFalse();
    assertThat(a.changeNames(List.of(), List.of("x"))).isTrue();
    assertThat(a.names()).containsExactly("y");
    assertThat(b.names()).containsExactlyInAnyOrder("x", "y");
  }

  @Test
  void declaredVersionsCountForTheVersionButWereNeverSent() {
    TypeState eds = new TypeState(TypeUrls.ENDPOINT);
    eds.setNames(List.of("a", "b"));
    eds.declare(Map.of("a", "v-client"));
    eds.hold(List.of(res("b", "2")));

    assertThat(eds.heldVersion("a")).isEqualTo("v-client");
    assertThat(eds.sent()).containsOnlyKeys("b");
    assertThat(eds.heldNames()).containsExactlyInAnyOrder("a", "b");

    eds.setNames(List.of("b"));
    eds.dropUnwanted();
    assertThat(eds.heldNames()).containsExactly("b");
  }

  @Test
  void anAckRepeatingTheNamesInTheirFirstOrderIsRecognisedInPlace() {
    TypeState eds = new TypeState(TypeUrls.ENDPOINT);
    eds.setNames(List.of("b", "a", "c", "a"));

    assertThat(eds.names()).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(eds.namesInOrder(List.of("b", "a", "c"))).isTrue();
    assertThat(eds.namesInOrder(List.of("a", "b", "c"))).isFalse();
    assertThat(eds.namesInOrder(List.of("b", "a"))).isFalse();
    assertThat(eds.namesInOrder(List.of("b", "a", "d"))).isFalse();
  }
}
