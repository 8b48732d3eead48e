package dev.meshwright.install.render;

import static dev.meshwright.install.render.Tree.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** HPA resource metrics from a component's {@code cpu}/{@code memory.targetAverageUtilization} values. Stateless. */
final class Autoscaling {
  private Autoscaling() {}

  static ArrayNode metrics(JsonNode component) {
    ArrayNode m = Tree.NODES.arrayNode();
    for (String resource : new String[] {"cpu", "memory"}) {
      JsonNode target = component.path(resource).path("targetAverageUtilization");
      if (Tree.truthy(target)) {
        m.add(obj("resource", obj("name", resource, "target",
            obj("averageUtilization", target.deepCopy(), "type", "Utilization")), "type", "Resource"));
      }
    }
    return m;
  }
}
