package dev.meshwright.install.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.install.Diagnostic;
import dev.meshwright.install.InstallSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders an {@link InstallSpec} into the {@link Manifest} {@code istioctl manifest generate} would print:
 * each enabled component (Base, Pilot, Cni, IstiodRemote, Ztunnel, then every enabled ingress and egress
 * gateway) is built from its effective chart values, then its {@code k8s} settings and overlays are applied.
 * Pure and stateless; bad input (an unknown Helm profile, an overlay that matches nothing) gives
 * diagnostics naming the spec path, never an exception.
 */
public final class ManifestRenderer {
  private ManifestRenderer() {}

  /** The outcome: the manifest when rendering succeeded, and every problem. */
  public record Rendering(Optional<Manifest> manifest, List<Diagnostic> diagnostics) {
    public Rendering {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Renders {@code spec} for a cluster described by {@code facts}. */
  public static Rendering render(InstallSpec spec, ClusterFacts facts) {
    ObjectNode tree = spec.spec();
    List<ManifestObject> objects = new ArrayList<>();
    try {
      for (Component c : List.of(Component.BASE, Component.PILOT, Component.CNI, Component.ISTIOD_REMOTE,
          Component.ZTUNNEL)) {
        JsonNode cs = tree.path("components").path(c.specKey());
        if (cs.path("enabled").asBoolean(false)) {
          objects.addAll(core(tree, c, cs));
        }
      }
      for (Component c : List.of(Component.INGRESS_GATEWAYS, Component.EGRESS_GATEWAYS)) {
        int i = 0;
        for (JsonNode gw : tree.path("components").path(c.specKey())) {
          if (gw.path("enabled").asBoolean(false)) {
            objects.addAll(gateway(tree, c, gw, "components." + c.specKey() + "[" + i + "]"));
          }
          i++;
        }
      }
    } catch (RenderProblem p) {
      return new Rendering(Optional.empty(), List.of(new Diagnostic("render", p.path(), p.getMessage())));
    }
    if (facts.kubeMinorVersion() < 23) {
      objects.replaceAll(o -> o.kind().equals("HorizontalPodAutoscaler") ? withApiVersion(o, "autoscaling/v2beta2") : o);
    }
    return new Rendering(Optional.of(new Manifest(objects)), List.of());
  }

  private static ManifestObject withApiVersion(ManifestObject o, String apiVersion) {
    ObjectNode body = o.body();
    body.put("apiVersion", apiVersion);
    return o.with(body);
  }

  private static List<ManifestObject> core(ObjectNode tree, Component c, JsonNode cs) {
    ObjectNode values = RenderValues.of(tree, c);
    String ns = RenderValues.namespaceOf(tree, cs);
    List<ObjectNode> rendered = switch (c) {
      case BASE -> base(values, ns);
      case PILOT -> pilot(values, ns);
      case CNI -> CniComponent.render(values, ns);
      case ISTIOD_REMOTE -> IstiodRemoteComponent.render(values, ns);
      case ZTUNNEL -> ZtunnelComponent.render(values, ns);
      default -> List.of();
    };
    rendered = new ArrayList<>(rendered);
    if (c != Component.BASE) {
      String workload = switch (c) {
        case PILOT -> Charts.revisioned("istiod", values);
        case CNI -> "istio-cni-node";
        default -> "ztunnel";
      };
      String container = switch (c) {
        case PILOT -> "discovery";
        case CNI -> "install-cni";
        default -> "istio-proxy";
      };
      boolean iopAutoscale = tree.path("values").path(c.valuesRoot()).path("autoscaleEnabled").asBoolean(false);
      new K8sSettings(workload, container, iopAutoscale).apply(rendered, cs.path("k8s"));
    }
    Overlays.apply(rendered, cs.path("k8s").path("overlays"), ns, "components." + c.specKey());
    return rendered.stream().map(o -> new ManifestObject(c, o)).toList();
  }

  /** The base chart as istioctl renders it: the chart's {@code crds/} (unless disabled), then its templates. */
  private static List<ObjectNode> base(ObjectNode values, String ns) {
    List<ObjectNode> out = new ArrayList<>();
    JsonNode enabled = values.path("base").path("enableIstioConfigCRDs");
    if ((!enabled.isBoolean() || enabled.booleanValue()) && !Tree.truthy(values, "base.enableCRDTemplates")) {
      out.addAll(Crds.render());
    }
    out.addAll(BaseComponent.render(values, ns));
    return out;
  }

  static List<ObjectNode> pilot(ObjectNode values, String ns) {
    List<ObjectNode> out = new ArrayList<>(PilotRbac.render(values, ns));
    out.addAll(PilotWebhooks.render(values, ns));
    out.addAll(PilotConfigMaps.render(values, ns));
    out.addAll(PilotWorkload.render(values, ns));
    out.addAll(StablePolicy.render(values));
    return out;
  }

  private static List<ManifestObject> gateway(ObjectNode tree, Component c, JsonNode gw, String where) {
    ObjectNode values = RenderValues.of(tree, c);
    ObjectNode gwValues = GatewayComponent.gatewayValues(values, c, gw);
    String ns = RenderValues.namespaceOf(tree, gw);
    List<ObjectNode> rendered = new ArrayList<>(GatewayComponent.render(values, c, gwValues, ns));
    String name = gwValues.path("name").asText();
    String key = c == Component.INGRESS_GATEWAYS ? "istio-ingressgateway" : "istio-egressgateway";
    boolean iopAutoscale = tree.path("values").path("gateways").path(key).path("autoscaleEnabled").asBoolean(false);
    new K8sSettings(name, "istio-proxy", iopAutoscale).apply(rendered, gw.path("k8s"));
    Overlays.apply(rendered, gw.path("k8s").path("overlays"), ns, where);
    return rendered.stream().map(o -> new ManifestObject(c, o)).toList();
  }
}
