package dev.meshwright.inject.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link PodMutator} gets from one AdmissionReview: the pod being created and where. The webhook has
 * already dropped {@code metadata.managedFields} (it never changes injection and can be large) and filled an
 * empty {@code metadata.namespace} from the request, as Istio's injector does.
 *
 * @param pod the pod object; a private copy, the mutator may read or change it freely
 * @param namespace the request's namespace
 * @param uid the request's uid, for logs
 * @param dryRun whether the API server will not persist the result
 * @param proxyEnvs proxy environment variables named by the webhook path ({@code /inject/cluster/c1/net/n1}
 *     gives {@code ISTIO_META_CLUSTER_ID=c1}, {@code ISTIO_META_NETWORK=n1}), empty for {@code /inject}
 */
public record PodRequest(ObjectNode pod, String namespace, String uid, boolean dryRun,
    Map<String, String> proxyEnvs) {
  public PodRequest {
    Objects.requireNonNull(pod, "pod");
    namespace = Objects.requireNonNullElse(namespace, "");
    uid = Objects.requireNonNullElse(uid, "");
    proxyEnvs = Map.copyOf(proxyEnvs);
  }

  /**
   * The pod's name, or its {@code generateName} followed by {@code ***} when it has none yet (as Istio logs it),
   * or empty.
   */
  public String podName() {
    String name = pod.path("metadata").path("name").asText("");
    String generated = pod.path("metadata").path("generateName").asText("");
    return !name.isEmpty() || generated.isEmpty() ? name : generated + "***";
  }
}
