package dev.meshwright.bench.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The pods the webhook load generator sends, as AdmissionReview bodies: a typical Deployment pod, one with 1,500
 * environment variables and one of about 64 KB. Deterministic.
 */
final class BenchPods {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchPods() {}

  /** A Deployment-created pod: two labels, a few annotations, one container with ten env vars and a probe. */
  static ObjectNode typical() {
    return pod(10);
  }

  /** The typical pod with 1,500 env vars on its container. */
  static ObjectNode manyEnv() {
    return pod(1_500);
  }

  /** The typical pod grown to {@code bytes} of JSON with sidecar-like containers carrying long args. */
  static ObjectNode ofSize(int bytes) {
    ObjectNode pod = pod(10);
    ArrayNode containers = (ArrayNode) pod.path("spec").path("containers");
    int i = 0;
    while (size(pod) < bytes) {
      ObjectNode c = containers.addObject().put("name", "worker-" + i).put("image", "registry.local/worker:1.4." + i);
      ArrayNode args = c.putArray("args");
      for (int a = 0; a < 40 && size(pod) < bytes; a++) {
        args.add("--option-" + a + "=value-" + i + "-" + a + "-abcdefghijklmnop");
      }
      i++;
    }
    return pod;
  }

  static int size(ObjectNode node) {
    return node.toString().length();
  }

  private static ObjectNode pod(int envVars) {
    ObjectNode pod = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Pod");
    ObjectNode meta = pod.putObject("metadata");
    meta.put("generateName", "reviews-v1-6f7c9d8b5c-");
    meta.putObject("labels").put("app", "reviews").put("version", "v1")
        .put("pod-template-hash", "6f7c9d8b5c");
    meta.putObject("annotations").put("kubectl.kubernetes.io/restartedAt", "2026-11-27T10:00:00Z")
        .put("prometheus.io/scrape", "true");
    meta.putArray("ownerReferences").addObject().put("apiVersion", "apps/v1").put("kind", "ReplicaSet")
        .put("name", "reviews-v1-6f7c9d8b5c").put("uid", "0b0c4a3e-1111-2222-3333-444455556666")
        .put("controller", true);
    ObjectNode spec = pod.putObject("spec");
    spec.put("serviceAccountName", "bookinfo-reviews");
    ObjectNode c = spec.putArray("containers").addObject();
    c.put("name", "reviews").put("image", "docker.io/istio/examples-bookinfo-reviews-v1:1.20.2")
        .put("imagePullPolicy", "IfNotPresent");
    c.putArray("ports").addObject().put("containerPort", 9080).put("protocol", "TCP");
    ArrayNode env = c.putArray("env");
    for (int i = 0; i < envVars; i++) {
      env.addObject().put("name", "APP_SETTING_" + i).put("value", "value-" + i);
    }
    c.putObject("readinessProbe").putObject("httpGet").put("path", "/health").put("port", 9080);
    c.putObject("resources").putObject("requests").put("cpu", "100m").put("memory", "128Mi");
    c.putArray("volumeMounts").addObject().put("name", "tmp").put("mountPath", "/tmp");
    spec.putArray("volumes").addObject().put("name", "tmp").putObject("emptyDir");
    return pod;
  }

  /** An AdmissionReview v1 body carrying {@code pod}. */
  static byte[] review(ObjectNode pod, String uid) {
    ObjectNode review = JSON.createObjectNode().put("apiVersion", "admission.k8s.io/v1")
        .put("kind", "AdmissionReview");
    ObjectNode request = review.putObject("request");
    request.put("uid", uid);
    request.putObject("kind").put("group", "").put("version", "v1").put("kind", "Pod");
    request.putObject("resource").put("group", "").put("version", "v1").put("resource", "pods");
    request.put("namespace", "bookinfo").put("operation", "CREATE");
    request.set("object", pod);
    return review.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
