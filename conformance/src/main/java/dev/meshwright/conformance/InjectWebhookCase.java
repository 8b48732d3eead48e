package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.inject.InjectionSettings;
import dev.meshwright.inject.JsonPatches;
import dev.meshwright.inject.KubeInject;
import dev.meshwright.inject.webhook.AdmissionOutcome;
import dev.meshwright.inject.webhook.PodRequest;
import dev.meshwright.inject.webhook.SidecarMutator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The upstream test's webhook path for one case: every injectable document of the input and of the golden
 * becomes a bare Pod (controllers give {@code generateName} and a controlling owner reference; a Deployment's owner
 * is a ReplicaSet {@code <name>-fake} with {@code pod-template-hash: fake}), the input pod goes through the
 * webhook's policy gate and injector ({@link SidecarMutator#gated}, revision {@code default}; on OpenShift the fake cluster's
 * {@code test-ns} namespace gives the proxy ids), its RFC 6902 patch is applied to the pod as the API server
 * would, and the result is compared with the golden pod after removing the status annotation from both.
 * Stateless.
 */
final class InjectWebhookCase {
  /** The namespace of the upstream test's fake cluster, with its OpenShift annotations. */
  static final String TEST_NS = "test-ns";
  static final Map<String, String> TEST_NS_ANNOTATIONS = Map.of(
      "openshift.io/sa.scc.uid-range", "1000620000/10000",
      "openshift.io/sa.scc.supplemental-groups", "1000620000/10000");

  private InjectWebhookCase() {}

  /** Why the webhook result differs from the golden, or empty when it matches. */
  static Optional<String> check(String input, String golden, InjectionSettings settings, boolean openshift)
      throws IOException {
    List<ObjectNode> pods = pods(input);
    List<ObjectNode> want = pods(golden);
    if (pods.size() != want.size()) {
      return Optional.of("input has " + pods.size() + " pods, golden " + want.size());
    }
    InjectionSettings webhook = settings.withOptions(settings.options().withRevision("default"));
    for (int i = 0; i < pods.size(); i++) {
      ObjectNode pod = pods.get(i);
      InjectionSettings s = webhook;
      if (openshift && TEST_NS.equals(pod.path("metadata").path("namespace").asText())) {
        s = s.withFeatures(s.features().withOpenShiftNamespace(TEST_NS_ANNOTATIONS));
      }
      String namespace = pod.path("metadata").path("namespace").asText("");
      AdmissionOutcome outcome = SidecarMutator.gated(s).mutate(new PodRequest(pod.deepCopy(), namespace, "", false, Map.of()));
      ObjectNode got;
      if (outcome instanceof AdmissionOutcome.Denied denied) {
        return Optional.of("webhook denied the pod: " + denied.message());
      } else if (outcome instanceof AdmissionOutcome.Patched patched) {
        got = (ObjectNode) JsonPatches.apply(patched.json(), pod);
      } else {
        got = pod;
      }
      JsonNode a = InjectNormalizer.normalize(withoutStatus(got));
      JsonNode b = InjectNormalizer.normalize(withoutStatus(want.get(i)));
      if (!a.equals(b)) {
        return Optional.of("webhook pod " + (i + 1) + " differs from the golden: " + JsonDiffText.firstDifference(b, a));
      }
    }
    return Optional.empty();
  }

  private static JsonNode withoutStatus(ObjectNode pod) {
    ObjectNode copy = pod.deepCopy();
    if (copy.path("metadata").path("annotations") instanceof ObjectNode a) {
      a.remove("sidecar.istio.io/status");
    }
    return copy;
  }

  private static List<ObjectNode> pods(String text) throws IOException {
    List<ObjectNode> out = new ArrayList<>();
    List<JsonNode> docs;
    try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> it =
        MeshJackson.yaml().readerFor(JsonNode.class).readValues(text)) {
      docs = it.readAll();
    }
    for (JsonNode doc : docs) {
      if (doc instanceof ObjectNode o) {
        if (o.path("kind").asText().equals("List")) {
          o.path("items").forEach(item -> pod(item).ifPresent(out::add));
        } else {
          pod(o).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static Optional<ObjectNode> pod(JsonNode object) {
    String kind = object.path("kind").asText();
    if (!KubeInject.KINDS.contains(kind)) {
      return Optional.empty();
    }
    if (kind.equals("Pod")) {
      return Optional.of(((ObjectNode) object).deepCopy());
    }
    JsonNode template = kind.equals("CronJob") ? object.path("spec").path("jobTemplate").path("spec").path("template")
        : object.path("spec").path("template");
    String name = object.path("metadata").path("name").asText();
    String namespace = object.path("metadata").path("namespace").asText("");
    ObjectNode pod = MeshJackson.json().createObjectNode();
    pod.put("apiVersion", "v1").put("kind", "Pod");
    ObjectNode meta = template.path("metadata").isObject() ? ((ObjectNode) template.get("metadata")).deepCopy()
        : pod.objectNode();
    pod.set("metadata", meta);
    pod.set("spec", template.path("spec").deepCopy());
    if (!namespace.isEmpty()) {
      meta.put("namespace", namespace);
    }
    ObjectNode owner = meta.putArray("ownerReferences").addObject();
    owner.put("controller", true);
    if (kind.equals("Deployment")) {
      meta.put("generateName", name + "-fake-");
      ObjectNode labels = meta.get("labels") instanceof ObjectNode l ? l : meta.putObject("labels");
      labels.put("pod-template-hash", "fake");
      owner.put("apiVersion", "apps/v1").put("kind", "ReplicaSet").put("name", name + "-fake");
    } else {
      meta.put("generateName", name);
      owner.put("apiVersion", object.path("apiVersion").asText()).put("kind", kind).put("name", name);
    }
    return Optional.of(pod);
  }
}
