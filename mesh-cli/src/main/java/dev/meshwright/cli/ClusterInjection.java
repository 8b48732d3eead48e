package dev.meshwright.cli;

import dev.meshwright.inject.InjectionOptions;
import dev.meshwright.inject.InjectionWebhook;
import dev.meshwright.inject.InjectorConfigReader;
import dev.meshwright.inject.PodView;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code x check-inject} needs from a live cluster, read once: the namespace's labels, its pods, the
 * injector's settings (the {@code config} and {@code values} keys of {@code istio-sidecar-injector} in the
 * Istio namespace) and the installed injection webhooks (MutatingWebhookConfigurations labelled
 * {@code istio.io/rev}, revision tags by {@code istio.io/tag}). Missing pieces become warnings and defaults.
 *
 * @param namespaceLabels the namespace's labels (empty when it does not exist)
 * @param pods the namespace's pods
 * @param options the injector settings
 * @param webhooks the installed injection webhooks, empty when none was found
 * @param warnings what could not be read
 */
record ClusterInjection(Map<String, String> namespaceLabels, List<PodView> pods, InjectionOptions options,
    List<InjectionWebhook> webhooks, List<String> warnings) {
  private static final String INJECTOR_CONFIG_MAP = "istio-sidecar-injector";

  /** Reads the cluster; {@code given} options (from files) win over the cluster's ConfigMap when present. */
  static ClusterInjection read(KubernetesClient client, String namespace, String istioNamespace,
      InjectionOptions given) {
    List<String> warnings = new ArrayList<>();
    Namespace ns = client.namespaces().withName(namespace).get();
    if (ns == null) {
      warnings.add("namespace " + namespace + " not found");
    }
    Map<String, String> labels = ns == null ? Map.of() : Objects.requireNonNullElse(ns.getMetadata().getLabels(), Map.of());
    List<PodView> pods = new ArrayList<>();
    for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
      pods.add(PodView.pod(pod.getMetadata().getName(), namespace,
          Objects.requireNonNullElse(pod.getMetadata().getLabels(), Map.of()),
          Objects.requireNonNullElse(pod.getMetadata().getAnnotations(), Map.of()))
          .withHostNetwork(pod.getSpec() != null && Boolean.TRUE.equals(pod.getSpec().getHostNetwork())));
    }
    InjectionOptions options = given != null ? given : injectorOptions(client, istioNamespace, warnings);
    return new ClusterInjection(labels, pods, options, webhooks(client), warnings);
  }

  private static InjectionOptions injectorOptions(KubernetesClient client, String istioNamespace, List<String> warnings) {
    ConfigMap map = client.configMaps().inNamespace(istioNamespace).withName(INJECTOR_CONFIG_MAP).get();
    InjectionOptions options = InjectionOptions.defaults();
    if (map == null || map.getData() == null) {
      warnings.add("ConfigMap " + istioNamespace + "/" + INJECTOR_CONFIG_MAP + " not found; using Istio's defaults");
      return options;
    }
    String where = "ConfigMap " + istioNamespace + "/" + INJECTOR_CONFIG_MAP;
    if (map.getData().containsKey("values")) {
      InjectorConfigReader.Result r = InjectorConfigReader.readValues(map.getData().get("values"), options);
      r.problems().forEach(p -> warnings.add(where + ": values: " + p));
      options = r.options();
    }
    if (map.getData().containsKey("config")) {
      InjectorConfigReader.Result r = InjectorConfigReader.readConfig(map.getData().get("config"), options);
      r.problems().forEach(p -> warnings.add(where + ": config: " + p));
      options = r.options();
    }
    return options;
  }

  private static List<InjectionWebhook> webhooks(KubernetesClient client) {
    List<InjectionWebhook> out = new ArrayList<>();
    for (MutatingWebhookConfiguration mwc : client.admissionRegistration().v1().mutatingWebhookConfigurations()
        .withLabel("istio.io/rev").list().getItems()) {
      Map<String, String> labels = mwc.getMetadata().getLabels();
      String revision = labels.get("istio.io/rev");
      String tag = labels.get("istio.io/tag");
      if (tag != null) {
        out.add(InjectionWebhook.forTag(tag, revision.equals("default") ? "" : revision));
      } else {
        out.add(InjectionWebhook.forRevision(revision.equals("default") ? "" : revision));
      }
    }
    return out;
  }
}
