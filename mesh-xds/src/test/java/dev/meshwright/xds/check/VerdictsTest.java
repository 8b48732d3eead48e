package dev.meshwright.xds.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.xds.XdsResource;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Verdicts are remembered by content for content-versioned resources and by object otherwise. */
class VerdictsTest {
  private final Verdicts verdicts = new Verdicts();
  private final AtomicInteger checks = new AtomicInteger();

  private List<String> check(XdsResource r) {
    return verdicts.get(r, m -> {
      checks.incrementAndGet();
      return List.of("name: bad " + ((Cluster) m).getName());
    });
  }

  @Test
  @DisplayName("equal content generated twice (two message objects) is checked once and gets the same verdict")
  void sameContentCheckedOnce() {
    XdsResource a = XdsResource.of("c1", Cluster.newBuilder().setName("c1").build());
    XdsResource b = XdsResource.of("c1", Cluster.newBuilder().setName("c1").build());
    assertThat(a.message()).isNotSameAs(b.message());
    assertThat(check(a)).containsExactly("name: bad c1");
    assertThat(check(b)).containsExactly("name: bad c1");
    assertThat(checks).hasValue(1);

    check(XdsResource.of("c2", Cluster.newBuilder().setName("c2").build()));
    assertThat(checks).hasValue(2);
  }

  @Test
  @DisplayName("a resource whose version the caller chose is looked up by object: one version, two contents, two checks")
  void callerVersionsByObject() {
    XdsResource a = new XdsResource("c", Cluster.newBuilder().setName("one").build(), "1");
    XdsResource b = new XdsResource("c", Cluster.newBuilder().setName("two").build(), "1");
    assertThat(check(a)).containsExactly("name: bad one");
    assertThat(check(b)).containsExactly("name: bad two");
    assertThat(checks).hasValue(2);
    assertThat(check(a)).containsExactly("name: bad one");
    assertThat(checks).hasValue(2);
  }
}
