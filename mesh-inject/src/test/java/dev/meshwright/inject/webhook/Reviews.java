package dev.meshwright.inject.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** AdmissionReview bodies as the API server sends them, and readers for the answers, for the webhook tests. */
final class Reviews {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String V1 = "admission.k8s.io/v1";
  static final String V1BETA1 = "admission.k8s.io/v1beta1";
  /** A pod as a Deployment's ReplicaSet creates it: no name yet, no namespace in its metadata. */
  static final String POD = """
      {"apiVersion":"v1","kind":"Pod","metadata":{"generateName":"web-7d9c-","labels":{"app":"web"},
       "managedFields":[{"manager":"kube-controller-manager","operation":"Update"}]},
       "spec":{"containers":[{"name":"web","image":"nginx"}]}}""";

  private Reviews() {}

  static String review(String apiVersion, String uid, String pod) {
    return "{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"" + uid
        + "\",\"kind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Pod\"},"
        + "\"resource\":{\"group\":\"\",\"version\":\"v1\",\"resource\":\"pods\"},"
        + "\"namespace\":\"apps\",\"operation\":\"CREATE\",\"object\":" + pod + "}}";
  }

  static JsonNode read(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(String body) {
    return read(body.getBytes(StandardCharsets.UTF_8));
  }

  /** The decoded {@code response.patch} of an answer, as JSON. */
  static JsonNode patch(JsonNode answer) {
    return read(Base64.getDecoder().decode(answer.path("response").path("patch").asText()));
  }
}
