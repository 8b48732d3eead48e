package dev.meshwright.inject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Injects the pod inside one workload object in place, the kube-inject way: finds the pod metadata and spec
 * (CronJob: the job template's metadata with the pod template's spec), names the workload after the object
 * (a Pod after itself or its controller), applies the kube-inject policy (host network, opt-out, ignored
 * namespaces warn and skip) and writes the injected metadata and spec back. Stateless.
 */
final class WorkloadInjector {
  private WorkloadInjector() {}

  static void inject(ObjectNode object, InjectionSettings settings, List<String> warnings, String where)
      throws InjectionException {
    String kind = Json.text(object, "kind");
    ObjectNode objectMeta = Json.child(object, "metadata");
    ObjectNode holder;
    ObjectNode specHolder;
    WorkloadRef workload;
    String objectName = Json.text(objectMeta, "name");
    String objectNs = Json.text(objectMeta, "namespace");
    if (kind.equals("Pod")) {
      holder = object;
      specHolder = object;
      workload = WorkloadRef.fromPod(object);
    } else if (kind.equals("CronJob")) {
      ObjectNode jobTemplate = Json.child(Json.child(object, "spec"), "jobTemplate");
      holder = jobTemplate;
      specHolder = Json.child(Json.child(jobTemplate, "spec"), "template");
      workload = new WorkloadRef(Json.text(object, "apiVersion"), kind, objectName, objectNs);
    } else {
      ObjectNode spec = Json.child(object, "spec");
      if (!(spec.get("template") instanceof ObjectNode template)) {
        throw new InjectionException(where + ": " + kind + " " + objectName + ": spec.template is required value");
      }
      holder = template;
      specHolder = template;
      workload = new WorkloadRef(Json.text(object, "apiVersion"), kind, objectName, objectNs);
    }
    ObjectNode meta = Json.child(holder, "metadata");
    ObjectNode spec = Json.child(specHolder, "spec");
    String name = Json.text(meta, "name").isEmpty() ? objectName : Json.text(meta, "name");
    String namespace = Json.text(meta, "namespace").isEmpty() ? objectNs : Json.text(meta, "namespace");
    PodView view = new PodView(kind, name, namespace, Json.strings(meta.path("labels")),
        Json.strings(meta.path("annotations")), spec.path("hostNetwork").asBoolean(false));
    PodView named = new PodView(kind, name, objectNs, view.labels(), view.annotations(), view.hostNetwork());
    if (view.hostNetwork() || !InjectionPolicy.decide(view, InjectionOptions.defaults()).inject()) {
      String reason = view.hostNetwork() ? "has host networking enabled" : "has sidecar injection disabled";
      warnings.add("Skipping injection because " + kind + " \"" + named.fullName() + "\" " + reason);
      return;
    }
    ObjectNode pod = Json.obj();
    pod.set("metadata", meta.deepCopy());
    pod.set("spec", spec.deepCopy());
    InjectionResult result;
    try {
      result = SidecarInjector.inject(pod, workload, settings);
    } catch (InjectionException e) {
      throw new InjectionException(where + ": " + kind + " " + named.fullName() + ": " + e.getMessage());
    }
    holder.set("metadata", result.pod().get("metadata"));
    specHolder.set("spec", result.pod().get("spec"));
  }
}
