package dev.meshwright.inject.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.inject.InjectionOptions;
import dev.meshwright.inject.InjectionOptions.Policy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PolicyGateTest {
  private static final String PATCH = "[{\"op\":\"add\",\"path\":\"/spec/containers/-\",\"value\":{}}]";
  private final AtomicInteger calls = new AtomicInteger();
  private PolicyGate gate;

  @BeforeEach
  void setUp() {
    gate = PolicyGate.of(InjectionOptions.defaults(), r -> {
      calls.incrementAndGet();
      return AdmissionOutcome.patch(PATCH);
    });
  }

  private static PodRequest pod(String namespace, String metadata, String spec) {
    ObjectNode pod = (ObjectNode) Reviews.read("{\"metadata\":" + metadata + ",\"spec\":" + spec + "}");
    return new PodRequest(pod, namespace, "uid", false, Map.of());
  }

  @Test
  @DisplayName("a pod the policy injects goes to the injector")
  void injects() {
    assertThat(gate.mutate(pod("apps", "{\"name\":\"web\"}", "{}"))).isEqualTo(AdmissionOutcome.patch(PATCH));
    assertThat(calls).hasValue(1);
  }

  @Test
  @DisplayName("opt-out label, host network, ignored namespace and a disabled policy admit the pod unchanged")
  void skips() {
    assertThat(gate.mutate(pod("apps", "{\"labels\":{\"sidecar.istio.io/inject\":\"false\"}}", "{}")))
        .isEqualTo(AdmissionOutcome.allow());
    assertThat(gate.mutate(pod("apps", "{}", "{\"hostNetwork\":true}"))).isEqualTo(AdmissionOutcome.allow());
    assertThat(gate.mutate(pod("kube-system", "{}", "{}"))).isEqualTo(AdmissionOutcome.allow());
    PolicyGate disabled = PolicyGate.of(InjectionOptions.defaults().withPolicy(Policy.DISABLED),
        r -> AdmissionOutcome.patch(PATCH));
    assertThat(disabled.mutate(pod("apps", "{}", "{}"))).isEqualTo(AdmissionOutcome.allow());
    assertThat(disabled.mutate(pod("apps", "{\"annotations\":{\"sidecar.istio.io/inject\":\"true\"}}", "{}")))
        .isEqualTo(AdmissionOutcome.patch(PATCH));
    assertThat(calls).hasValue(0);
  }

  @Test
  @DisplayName("an already injected pod goes to the injector again, as in Istio (the injector is idempotent; see SidecarWebhookTest)")
  void reinvocation() {
    String injected = "{\"annotations\":{\"sidecar.istio.io/status\":\"{\\\"containers\\\":[\\\"istio-proxy\\\"]}\"}}";
    assertThat(gate.mutate(pod("apps", injected, "{}"))).isEqualTo(AdmissionOutcome.patch(PATCH));
    assertThat(calls).hasValue(1);
  }

  @Test
  @DisplayName("the pod's own namespace wins over the request's when both are set")
  void namespaceFromPod() {
    assertThat(PolicyGate.view(pod("apps", "{\"namespace\":\"kube-system\"}", "{}")).namespace())
        .isEqualTo("kube-system");
  }
}
