package dev.meshwright.install.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.install.Diagnostic;
import dev.meshwright.install.SetFlag;
import dev.meshwright.install.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code helm template} of one of Istio's published 1.22.8 charts would produce, through the same
 * component renderers as {@link ManifestRenderer}: the chart's values as {@link ChartValues} assembles them
 * from the given values (Helm's own files and {@code --set} paths; no IstioOperator involved), and the Helm
 * release name in the {@code release} labels. Pure and stateless.
 */
public final class ChartRenderer {
  private ChartRenderer() {}

  /**
   * Renders {@code chart} with {@code values} into {@code namespace}; {@code release} names the Helm release
   * (labels, and the gateway chart's default name).
   */
  public static ManifestRenderer.Rendering render(HelmChart chart, ObjectNode values, String namespace,
      String release) {
    try {
      ObjectNode v = ChartValues.effective(ChartValues.chartFile(chart), values, "");
      List<ObjectNode> objects;
      Component component;
      if (chart == HelmChart.GATEWAY) {
        objects = GatewayChart.render(v, namespace, release);
        component = Component.INGRESS_GATEWAYS;
      } else {
        component = switch (chart) {
          case BASE -> Component.BASE;
          case CNI -> Component.CNI;
          case ZTUNNEL -> Component.ZTUNNEL;
          default -> Component.PILOT;
        };
        objects = new ArrayList<>(switch (chart) {
          case BASE -> BaseComponent.render(v, namespace);
          case CNI -> CniComponent.render(v, namespace);
          case ZTUNNEL -> ZtunnelComponent.render(v, namespace);
          default -> ManifestRenderer.pilot(v, namespace);
        });
        for (ObjectNode o : objects) {
          JsonNode labels = o.path("metadata").path("labels");
          if (labels instanceof ObjectNode l && l.path("release").asText().equals(Charts.RELEASE)) {
            l.put("release", release);
          }
        }
      }
      Component c = component;
      return new ManifestRenderer.Rendering(Optional.of(new Manifest(objects.stream()
          .map(o -> new ManifestObject(c, o)).toList())), List.of());
    } catch (RenderProblem p) {
      return new ManifestRenderer.Rendering(Optional.empty(), List.of(new Diagnostic("values", p.path(), p.getMessage())));
    }
  }

  /**
   * Writes one Helm {@code --set path=value} into {@code values} (dotted keys, {@code [N]} list indexes,
   * typed values); a problem names the flag.
   */
  public static Optional<Diagnostic> set(ObjectNode values, String flag) {
    int eq = flag.indexOf('=');
    Optional<TreePath> path = eq > 0 ? TreePath.parse("_." + flag.substring(0, eq)) : Optional.empty();
    if (path.isEmpty() || path.get().steps().size() < 2) {
      return Optional.of(new Diagnostic("--set", flag, "expected path=value"));
    }
    List<TreePath.Step> steps = path.get().steps().subList(1, path.get().steps().size());
    JsonNode value = SetFlag.typed(flag.substring(eq + 1));
    JsonNode node = values;
    for (int i = 0; i < steps.size(); i++) {
      TreePath.Step step = steps.get(i);
      boolean last = i == steps.size() - 1;
      boolean nextIsIndex = !last && steps.get(i + 1) instanceof TreePath.Index;
      if (step instanceof TreePath.Key k && node instanceof ObjectNode o) {
        if (last) {
          o.set(k.name(), value);
        } else if (!(o.get(k.name()) instanceof ObjectNode) && !nextIsIndex
            || nextIsIndex && !(o.get(k.name()) instanceof ArrayNode)) {
          o.set(k.name(), nextIsIndex ? o.arrayNode() : o.objectNode());
        }
        node = o.get(k.name());
      } else if (step instanceof TreePath.Index x && node instanceof ArrayNode a) {
        while (a.size() <= x.index()) {
          a.add(last ? a.nullNode() : a.objectNode());
        }
        if (last) {
          a.set(x.index(), value);
        }
        node = a.get(x.index());
      } else {
        return Optional.of(new Diagnostic("--set", flag, "cannot set " + step + " here"));
      }
    }
    return Optional.empty();
  }
}
