package dev.meshwright.inject.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Turns one AdmissionReview body into the AdmissionReview answer, the transport-free core of the webhook.
 *
 * <p>It follows Istio 1.22's injector: {@code admission.k8s.io/v1} and {@code v1beta1} are accepted and answered
 * in the same version, {@code response.uid} echoes {@code request.uid}; a body that is not an AdmissionReview of a
 * known version is answered with a bare review (no apiVersion or kind) carrying {@code allowed: false} and the
 * decoding error in {@code status.message}; a pod that cannot be read, a review without a request and a failing
 * mutator likewise answer {@code allowed: false} with a message. A patch travels base64-encoded with
 * {@code patchType: JSONPatch}. Stateless and thread-safe; never throws for any input.
 */
public final class AdmissionReviews {
  /** The admission API versions served. */
  public static final Set<String> API_VERSIONS = Set.of("admission.k8s.io/v1", "admission.k8s.io/v1beta1");
  /** The kind of the request and of the answer. */
  public static final String KIND = "AdmissionReview";

  private static final System.Logger LOG = System.getLogger(AdmissionReviews.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private AdmissionReviews() {}

  /** The answer to {@code body}, received on {@code path}, with {@code mutator} deciding for the pod. */
  public static byte[] answer(byte[] body, String path, PodMutator mutator) {
    JsonNode review;
    try {
      review = JSON.readTree(body);
    } catch (IOException e) {
      String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      return failure(null, "", "could not decode body: invalid JSON: " + detail);
    }
    if (review == null || !review.isObject()) {
      return failure(null, "", "could not decode body: expected a JSON object");
    }
    String apiVersion = review.path("apiVersion").asText("");
    String kind = review.path("kind").asText("");
    if (apiVersion.isEmpty()) {
      return failure(null, "", "could not decode body: apiVersion is missing");
    }
    if (kind.isEmpty()) {
      return failure(null, "", "could not decode body: kind is missing");
    }
    if (!kind.equals(KIND) || !API_VERSIONS.contains(apiVersion)) {
      return failure(null, "", "could not decode body: unsupported type " + apiVersion + ", Kind=" + kind
          + " (want " + KIND + " in admission.k8s.io/v1 or v1beta1)");
    }
    JsonNode request = review.get("request");
    if (request == null || !request.isObject()) {
      return failure(apiVersion, "", "AdmissionReview has no request");
    }
    String uid = request.path("uid").asText("");
    JsonNode object = request.get("object");
    if (object == null || !object.isObject()) {
      return failure(apiVersion, uid, "could not read request.object as a Pod: "
          + (object == null || object.isNull() ? "it is missing" : "it is a JSON " + object.getNodeType()));
    }
    if (object.has("metadata") && !object.get("metadata").isObject()) {
      return failure(apiVersion, uid, "could not read request.object as a Pod: metadata is not an object");
    }
    String namespace = request.path("namespace").asText("");
    ObjectNode pod = (ObjectNode) object; // parsed from this body only: the mutator's own copy
    ObjectNode metadata = pod.has("metadata") ? (ObjectNode) pod.get("metadata") : pod.putObject("metadata");
    metadata.remove("managedFields");
    if (metadata.path("namespace").asText("").isEmpty()) {
      metadata.put("namespace", namespace);
    }
    PodRequest podRequest = new PodRequest(pod, namespace, uid, request.path("dryRun").asBoolean(false),
        InjectPaths.proxyEnvs(path));
    AdmissionOutcome outcome;
    try {
      outcome = mutator.mutate(podRequest);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "sidecar injection failed for " + namespace + "/" + podRequest.podName(), e);
      return failure(apiVersion, uid, "injection failed: " + e.getMessage());
    }
    if (outcome == null) {
      return failure(apiVersion, uid, "injection failed: the injector gave no outcome");
    }
    return respond(apiVersion, uid, outcome);
  }

  private static byte[] failure(String apiVersion, String uid, String message) {
    LOG.log(Level.WARNING, "admission request refused: {0}", message);
    return respond(apiVersion, uid, AdmissionOutcome.deny(message));
  }

  private static byte[] respond(String apiVersion, String uid, AdmissionOutcome outcome) {
    ObjectNode review = JSON.createObjectNode();
    if (apiVersion != null) {
      review.put("apiVersion", apiVersion);
      review.put("kind", KIND);
    }
    ObjectNode response = review.putObject("response");
    response.put("uid", uid);
    if (outcome instanceof AdmissionOutcome.Denied denied) {
      response.put("allowed", false);
      ObjectNode status = response.putObject("status");
      status.putObject("metadata");
      status.put("message", denied.message());
    } else if (outcome instanceof AdmissionOutcome.Patched patched) {
      response.put("allowed", true);
      response.put("patch", Base64.getEncoder().encodeToString(patched.json().getBytes(StandardCharsets.UTF_8)));
      response.put("patchType", "JSONPatch");
    } else {
      response.put("allowed", true);
    }
    try {
      return JSON.writeValueAsBytes(review);
    } catch (JsonProcessingException e) {
      // an ObjectNode of strings and booleans always serializes
      throw new IllegalStateException(e);
    }
  }
}
