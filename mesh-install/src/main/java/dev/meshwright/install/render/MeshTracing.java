package dev.meshwright.install.render;

import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The {@code defaultConfig.tracing} the istiod chart writes into the mesh config for
 * {@code global.proxy.tracer} ({@code none}, the 1.22.8 default, writes nothing): Lightstep, Zipkin, Datadog
 * and Stackdriver from {@code global.tracer.*} with the chart's fallbacks, OpenCensus from the user's
 * {@code meshConfig.defaultConfig.tracing}. Stateless.
 */
final class MeshTracing {
  private MeshTracing() {}

  static Optional<ObjectNode> of(JsonNode values, String istioNamespace) {
    String tracer = Tree.text(values, "global.proxy.tracer", "");
    JsonNode t = values.path("global").path("tracer");
    return switch (tracer) {
      case "none" -> Optional.empty();
      case "lightstep" -> Optional.of(obj("lightstep", obj("address", Tree.text(t, "lightstep.address", ""),
          "accessToken", Tree.text(t, "lightstep.accessToken", ""))));
      case "zipkin" -> Optional.of(obj("zipkin",
          obj("address", Tree.text(t, "zipkin.address", "zipkin." + istioNamespace + ":9411"))));
      case "datadog" -> Optional.of(obj("datadog", obj("address", Tree.text(t, "datadog.address", "$(HOST_IP):8126"))));
      case "stackdriver" -> Optional.of(obj("stackdriver", obj(
          "debug", typed(t, "stackdriver.debug", "false"),
          "maxNumberOfAttributes", typed(t, "stackdriver.maxNumberOfAttributes", "200"),
          "maxNumberOfAnnotations", typed(t, "stackdriver.maxNumberOfAnnotations", "200"),
          "maxNumberOfMessageEvents", typed(t, "stackdriver.maxNumberOfMessageEvents", "200"))));
      case "openCensusAgent" -> Optional.of(Tree.map(values, "meshConfig.defaultConfig.tracing"));
      default -> Optional.of(obj());
    };
  }

  /** A value the chart prints unquoted into YAML, read back as YAML would: a boolean, a number or text. */
  private static JsonNode typed(JsonNode root, String path, String def) {
    JsonNode n = Tree.at(root, path);
    if (Tree.truthy(n)) {
      return n.deepCopy();
    }
    return def.equals("false") ? Tree.NODES.booleanNode(false) : Tree.NODES.numberNode(Integer.parseInt(def));
  }
}
