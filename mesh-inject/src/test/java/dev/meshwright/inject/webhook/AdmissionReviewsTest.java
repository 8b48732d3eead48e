package dev.meshwright.inject.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdmissionReviewsTest {
  private static final String PATCH = "[{\"op\":\"add\",\"path\":\"/metadata/annotations\",\"value\":{}}]";

  private static JsonNode answer(String body, PodMutator mutator) {
    return Reviews.read(AdmissionReviews.answer(body.getBytes(StandardCharsets.UTF_8), "/inject", mutator));
  }

  @ParameterizedTest
  @CsvSource({"admission.k8s.io/v1", "admission.k8s.io/v1beta1"})
  @DisplayName("answers in the request's version with its uid, a base64 JSONPatch and allowed=true")
  void patched(String version) {
    JsonNode a = answer(Reviews.review(version, "abc-123", Reviews.POD), r -> AdmissionOutcome.patch(PATCH));
    assertThat(a.path("apiVersion").asText()).isEqualTo(version);
    assertThat(a.path("kind").asText()).isEqualTo("AdmissionReview");
    assertThat(a.path("response").path("uid").asText()).isEqualTo("abc-123");
    assertThat(a.path("response").path("allowed").asBoolean()).isTrue();
    assertThat(a.path("response").path("patchType").asText()).isEqualTo("JSONPatch");
    assertThat(Reviews.patch(a)).isEqualTo(Reviews.read(PATCH));
    assertThat(a.path("response").has("status")).isFalse();
  }

  @Test
  @DisplayName("a pod left alone is allowed without patch or patchType")
  void allowed() {
    JsonNode a = answer(Reviews.review(Reviews.V1, "u1", Reviews.POD), r -> AdmissionOutcome.allow());
    assertThat(a.path("response").path("allowed").asBoolean()).isTrue();
    assertThat(a.path("response").has("patch")).isFalse();
    assertThat(a.path("response").has("patchType")).isFalse();
  }

  @Test
  @DisplayName("a denial and a throwing mutator both answer allowed=false with the message")
  void denied() {
    JsonNode d = answer(Reviews.review(Reviews.V1, "u2", Reviews.POD), r -> AdmissionOutcome.deny("no room"));
    assertThat(d.path("response").path("allowed").asBoolean(true)).isFalse();
    assertThat(d.path("response").path("uid").asText()).isEqualTo("u2");
    assertThat(d.path("response").path("status").path("message").asText()).isEqualTo("no room");
    JsonNode t = answer(Reviews.review(Reviews.V1, "u3", Reviews.POD), r -> {
      throw new IllegalStateException("template sidecar is missing");
    });
    assertThat(t.path("response").path("allowed").asBoolean(true)).isFalse();
    assertThat(t.path("response").path("status").path("message").asText())
        .isEqualTo("injection failed: template sidecar is missing");
  }

  @Test
  @DisplayName("the mutator sees a copy of the pod without managedFields, the namespace filled and path envs")
  void podRequest() {
    List<PodRequest> seen = new ArrayList<>();
    byte[] body = Reviews.review(Reviews.V1, "u4", Reviews.POD).getBytes(StandardCharsets.UTF_8);
    AdmissionReviews.answer(body, "/inject/cluster/east/net/net--slash--1", r -> {
      seen.add(r);
      return AdmissionOutcome.allow();
    });
    PodRequest r = seen.get(0);
    assertThat(r.namespace()).isEqualTo("apps");
    assertThat(r.uid()).isEqualTo("u4");
    assertThat(r.podName()).isEqualTo("web-7d9c-***");
    assertThat(r.pod().path("metadata").path("namespace").asText()).isEqualTo("apps");
    assertThat(r.pod().path("metadata").has("managedFields")).isFalse();
    assertThat(r.pod().path("spec").path("containers").get(0).path("name").asText()).isEqualTo("web");
    assertThat(r.proxyEnvs()).isEqualTo(Map.of("ISTIO_META_CLUSTER_ID", "east", "ISTIO_META_NETWORK", "net/1"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{oops | invalid JSON",
      "[] | expected a JSON object",
      "{\"kind\":\"AdmissionReview\"} | apiVersion is missing",
      "{\"apiVersion\":\"admission.k8s.io/v1\"} | kind is missing",
      "{\"apiVersion\":\"v1\",\"kind\":\"Pod\"} | unsupported type v1, Kind=Pod",
      "{\"apiVersion\":\"admission.k8s.io/v2\",\"kind\":\"AdmissionReview\"} | unsupported type"})
  @DisplayName("a body that is no AdmissionReview gets a bare review refusing it, with the reason")
  void undecodable(String body, String message) {
    JsonNode a = answer(body, r -> AdmissionOutcome.patch(PATCH));
    assertThat(a.has("apiVersion")).isFalse();
    assertThat(a.path("response").path("allowed").asBoolean(true)).isFalse();
    assertThat(a.path("response").path("uid").asText()).isEmpty();
    assertThat(a.path("response").path("status").path("message").asText())
        .startsWith("could not decode body: ").contains(message);
  }

  @Test
  @DisplayName("a review without request or without a pod object is refused in its own version")
  void incomplete() {
    JsonNode noRequest = answer("{\"apiVersion\":\"admission.k8s.io/v1beta1\",\"kind\":\"AdmissionReview\"}",
        r -> AdmissionOutcome.allow());
    assertThat(noRequest.path("apiVersion").asText()).isEqualTo(Reviews.V1BETA1);
    assertThat(noRequest.path("response").path("status").path("message").asText())
        .isEqualTo("AdmissionReview has no request");
    JsonNode noObject = answer("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\","
        + "\"request\":{\"uid\":\"u5\"}}", r -> AdmissionOutcome.allow());
    assertThat(noObject.path("response").path("uid").asText()).isEqualTo("u5");
    assertThat(noObject.path("response").path("allowed").asBoolean(true)).isFalse();
    assertThat(noObject.path("response").path("status").path("message").asText())
        .isEqualTo("could not read request.object as a Pod: it is missing");
    JsonNode badMeta = answer(Reviews.review(Reviews.V1, "u6", "{\"metadata\":7}"), r -> AdmissionOutcome.allow());
    assertThat(badMeta.path("response").path("status").path("message").asText()).contains("metadata");
  }

  @Test
  @DisplayName("a patch must be a JSON array of operations with a known op and a path")
  void patchIsChecked() {
    assertThat(AdmissionOutcome.patch("[]")).isInstanceOf(AdmissionOutcome.Patched.class);
    assertThatThrownBy(() -> AdmissionOutcome.patch("{}")).hasMessageContaining("JSON array");
    assertThatThrownBy(() -> AdmissionOutcome.patch("[{\"op\":\"merge\",\"path\":\"/a\"}]"))
        .hasMessageContaining("patch[0].op");
    assertThatThrownBy(() -> AdmissionOutcome.patch("[{\"op\":\"add\"}]")).hasMessageContaining("patch[0].path");
    assertThatThrownBy(() -> AdmissionOutcome.patch("[")).hasMessageContaining("not JSON");
  }
}
