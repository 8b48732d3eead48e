package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.api.json.MeshJackson;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code injection.Analyzer}: namespaces with several injection labels (IST0123), namespaces without injection
 * labels (IST0102, or IST0148 when the injector enables namespaces by default), and pods in injected
 * namespaces that lack the proxy (IST0103).
 */
public final class InjectionAnalyzer extends Base {
  public InjectionAnalyzer() {
    super("injection.Analyzer", "Checks conditions related to Istio sidecar injection",
        Kinds.NAMESPACE, Kinds.POD, Kinds.CONFIG_MAP);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    boolean enabledByDefault = false;
    Set<String> injected = new HashSet<>();
    for (AnalysisResource ns : ctx.resources(Kinds.NAMESPACE)) {
      if (ns.fullName().equals("istio-system")) {
        continue;
      }
      String injection = ns.labels().get(Workloads.INJECTION_LABEL);
      String rev = ns.labels().get(Workloads.REVISION_LABEL);
      List<String> istioLabels = new ArrayList<>();
      if (injection != null) {
        istioLabels.add(Workloads.INJECTION_LABEL + "=" + injection);
      }
      for (String l : List.of(Workloads.REVISION_LABEL, Workloads.DATAPLANE_MODE_LABEL)) {
        if (ns.labels().containsKey(l) && (injection == null || injection.equals("enabled"))) {
          istioLabels.add(l + "=" + ns.labels().get(l));
        }
      }
      if (istioLabels.size() > 1) {
        ctx.report(Messages.NAMESPACE_MULTIPLE_INJECTION_LABELS, ns, istioLabels);
      }
      if ("ambient".equals(ns.labels().get(Workloads.DATAPLANE_MODE_LABEL))) {
        continue;
      }
      String cmName = Workloads.injectorConfigMap(rev == null ? "" : rev);
      for (AnalysisResource cm : ctx.resources(Kinds.CONFIG_MAP)) {
        if (cm.name().equals(cmName)) {
          enabledByDefault = enabledByDefault(cm);
          break;
        }
      }
      if ((injection == null || injection.isEmpty()) && rev == null) {
        if (enabledByDefault) {
          ctx.report(Messages.NAMESPACE_INJECTION_ENABLED_BY_DEFAULT, ns);
        } else {
          ctx.report(Messages.NAMESPACE_NOT_INJECTED, ns, ns.fullName(), ns.fullName());
        }
        continue;
      }
      if ("enabled".equals(injection)) {
        injected.add(ns.fullName());
      }
    }
    for (AnalysisResource pod : ctx.resources(Kinds.POD)) {
      if (!injected.contains(pod.namespace())) {
        continue;
      }
      String inj = pod.annotations().getOrDefault(Workloads.SIDECAR_INJECT, "");
      if (pod.labels().containsKey(Workloads.SIDECAR_INJECT)) {
        inj = pod.labels().get(Workloads.SIDECAR_INJECT);
      }
      if (inj.equalsIgnoreCase("false") || pod.spec().path("hostNetwork").asBoolean(false)) {
        continue;
      }
      if (!Workloads.hasProxy(Json.containers(pod.spec(), true))) {
        ctx.report(Messages.POD_MISSING_PROXY, pod, pod.fullName());
      }
    }
  }

  private static boolean enabledByDefault(AnalysisResource cm) {
    try {
      JsonNode v = MeshJackson.json().readTree(cm.tree().path("data").path("values").asText(""));
      return v != null && v.path("sidecarInjectorWebhook").path("enableNamespacesByDefault").asBoolean(false);
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }
}
