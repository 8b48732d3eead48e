package dev.meshwright.api.operator;

import dev.meshwright.api.Problems;
import java.util.List;
import java.util.Map;

/**
 * Istio's IstioOperator feature checks on gateways: service ports whose target port is privileged need
 * {@code runAsRoot}, and a fixed replica count is overridden when autoscaling is on (warnings).
 */
final class GatewayPorts {
  private GatewayPorts() {}

  /** Every {@code k8s.service.ports} entry must target a port above 1024 (unnamed target: the port itself). */
  static void requireNonRootTargets(List<GatewaySpec> gateways, String valuesName, Problems p) {
    for (int g = 0; g < gateways.size(); g++) {
      GatewaySpec gw = gateways.get(g);
      Object ports = gw.k8s().map(k -> k.service().get("ports")).orElse(null);
      if (!(ports instanceof List<?> list)) {
        continue;
      }
      for (int i = 0; i < list.size(); i++) {
        Map<String, Object> port = IstioOperatorValidator.map(list.get(i));
        Object target = port.get("targetPort");
        if (target instanceof String) {
          continue;
        }
        long tp = target instanceof Number n ? n.longValue() : 0;
        long number = port.get("port") instanceof Number n ? n.longValue() : 0;
        if (tp == 0 && number > 1024) {
          continue;
        }
        if (tp < 1024) {
          p.index(g).at("k8s").at("service").at("ports").index(i).error(String.format(
              "port %s/%d in gateway %s invalid: targetPort is set to %d, which requires root. Set targetPort to be "
                  + "greater than 1024 or configure values.gateways.%s.runAsRoot=true",
              port.getOrDefault("name", ""), number, gw.name().orElse(""), tp, valuesName));
        }
      }
    }
  }

  /** {@code values.gateways.istio-ingressgateway.ingressPorts}: the same rule, checked whatever runAsRoot says. */
  static void ingressPortsValues(Map<String, Object> ingressValues, Problems p) {
    if (!(ingressValues.get("ingressPorts") instanceof List<?> list)) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      Map<String, Object> port = IstioOperatorValidator.map(list.get(i));
      long tp = 0;
      if (port.get("targetPort") != null) {
        if (!(port.get("targetPort") instanceof Number n)) {
          continue;
        }
        tp = n.longValue();
      }
      if (!(port.get("port") instanceof Number n)) {
        continue;
      }
      long number = n.longValue();
      if (tp == 0 && number > 1024) {
        continue;
      }
      if (tp < 1024) {
        p.index(i).error(String.format("port %d is invalid: targetPort is set to %d, which requires root. Set targetPort to "
            + "be greater than 1024 or configure values.gateways.istio-ingressgateway.runAsRoot=true", number, tp));
      }
    }
  }

  static void autoscaleReplicaWarnings(IstioOperatorSpec spec, IstioComponentSetSpec c, Problems p) {
    Map<String, Object> values = spec.values();
    if (IstioOperatorValidator.truthy(IstioOperatorValidator.map(values.get("pilot")).get("autoscaleEnabled"))
        && c.pilot().flatMap(ComponentSpec::k8s).flatMap(KubernetesResourcesSpec::replicaCount).orElse(0) > 1) {
      p.at("components").at("pilot").at("k8s").at("replicaCount").warning(
          "components.pilot.k8s.replicaCount should not be set when values.pilot.autoscaleEnabled is true");
    }
    Map<String, Object> gateways = IstioOperatorValidator.map(values.get("gateways"));
    replicaWarnings(gateways, "ingress", c.ingressGateways(), p.at("components").at("ingressGateways"));
    replicaWarnings(gateways, "egress", c.egressGateways(), p.at("components").at("egressGateways"));
  }

  private static void replicaWarnings(Map<String, Object> gateways, String type, List<GatewaySpec> specs, Problems p) {
    Object enabled = IstioOperatorValidator.map(gateways.get("istio-" + type + "gateway")).get("autoscaleEnabled");
    if (!IstioOperatorValidator.truthy(enabled)) {
      return;
    }
    for (int i = 0; i < specs.size(); i++) {
      GatewaySpec gw = specs.get(i);
      if (gw.k8s().flatMap(KubernetesResourcesSpec::replicaCount).orElse(0) != 0) {
        p.index(i).at("k8s").at("replicaCount").warning(String.format(
            "components.%sGateways[name=%s].k8s.replicaCount should not be set when "
                + "values.gateways.istio-%sgateway.autoscaleEnabled is true",
            type, gw.name().orElse(""), type));
      }
    }
  }
}
