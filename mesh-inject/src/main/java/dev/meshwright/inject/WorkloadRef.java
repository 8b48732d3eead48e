package dev.meshwright.inject;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workload a pod belongs to, as the injector names it in {@code ISTIO_META_WORKLOAD_NAME},
 * {@code ISTIO_META_OWNER} and the canonical-name fallback. Immutable.
 *
 * @param apiVersion the workload's apiVersion as written ({@code apps/v1}); empty means no owner env
 * @param kind the workload's kind ({@code Deployment}, {@code Pod}, ...)
 * @param name the workload's name
 * @param namespace the workload's namespace, empty when the object has none
 */
public record WorkloadRef(String apiVersion, String kind, String name, String namespace) {
  private static final Pattern CRON_JOB_NAME = Pattern.compile("^(.+)-\\d{8,10}$");

  public WorkloadRef {
    apiVersion = Objects.requireNonNullElse(apiVersion, "");
    kind = Objects.requireNonNullElse(kind, "");
    name = Objects.requireNonNullElse(name, "");
    namespace = Objects.requireNonNullElse(namespace, "");
  }

  /** {@code kubernetes://apis/<apiVersion>/namespaces/<ns or default>/<kind>s/<name>}, the owner string. */
  public String owner() {
    return "kubernetes://apis/" + apiVersion + "/namespaces/" + (namespace.isEmpty() ? "default" : namespace) + "/"
        + kind.toLowerCase(Locale.ROOT) + "s/" + name;
  }

  /**
   * The workload of a bare pod, as the webhook derives it: the pod itself, unless it has a {@code generateName}
   * and a controlling owner reference; then the owner, with a ReplicaSet named {@code <d>-<pod-template-hash>}
   * read as Deployment {@code d}, a Job named {@code <c>-<8 to 10 digits>} as CronJob {@code c}, and a
   * ReplicationController with a {@code deploymentconfig} label as that DeploymentConfig.
   */
  public static WorkloadRef fromPod(JsonNode pod) {
    JsonNode meta = pod.path("metadata");
    String namespace = Json.text(meta, "namespace");
    WorkloadRef self = new WorkloadRef("v1", "Pod", Json.text(meta, "name"), namespace);
    if (Json.text(meta, "generateName").isEmpty()) {
      return self;
    }
    for (JsonNode ref : meta.path("ownerReferences")) {
      if (!ref.path("controller").asBoolean(false)) {
        continue;
      }
      String kind = Json.text(ref, "kind");
      String name = Json.text(ref, "name");
      String hash = Json.text(meta.path("labels"), "pod-template-hash");
      String dc = Json.text(meta.path("labels"), "deploymentconfig");
      if (kind.equals("ReplicaSet") && !hash.isEmpty() && name.endsWith(hash)) {
        String trimmed = name.endsWith("-" + hash) ? name.substring(0, name.length() - hash.length() - 1) : name;
        return new WorkloadRef("apps/v1", "Deployment", trimmed, namespace);
      }
      if (kind.equals("ReplicationController") && !dc.isEmpty()) {
        return new WorkloadRef("v1", "DeploymentConfig", dc, namespace);
      }
      if (kind.equals("Job")) {
        Matcher m = CRON_JOB_NAME.matcher(name);
        if (m.matches()) {
          return new WorkloadRef("batch/v1", "CronJob", m.group(1), namespace);
        }
      }
      return new WorkloadRef(Json.text(ref, "apiVersion"), kind, name, namespace);
    }
    return self;
  }
}
