package dev.meshwright.inject.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InjectPathsTest {
  @Test
  @DisplayName("cluster and net map to Istio's metadata variables, other keys are upper-cased")
  void pairs() {
    assertThat(InjectPaths.proxyEnvs("/inject")).isEmpty();
    assertThat(InjectPaths.proxyEnvs("/inject/")).isEmpty();
    assertThat(InjectPaths.proxyEnvs("/inject/cluster/c1/net/n1/"))
        .containsExactly(Map.entry("ISTIO_META_CLUSTER_ID", "c1"), Map.entry("ISTIO_META_NETWORK", "n1"));
    assertThat(InjectPaths.proxyEnvs("/inject/my_var/a--slash--b/odd"))
        .containsExactly(Map.entry("MY_VAR", "a/b"));
  }

  @Test
  @DisplayName("the deprecated :ENV: form keeps pairs with a name and an equals sign")
  void legacyEnvForm() {
    assertThat(InjectPaths.proxyEnvs("/inject/:ENV:cluster=c2:ENV:net=:ENV:=x:ENV:bare"))
        .containsExactly(Map.entry("cluster", "c2"), Map.entry("net", ""));
  }

  @Test
  @DisplayName("only /inject and paths below it are served")
  void servedPaths() {
    assertThat(InjectPaths.isInjectPath("/inject")).isTrue();
    assertThat(InjectPaths.isInjectPath("/inject/cluster/c/net/n")).isTrue();
    assertThat(InjectPaths.isInjectPath("/injector")).isFalse();
    assertThat(InjectPaths.isInjectPath("/")).isFalse();
  }
}
