package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes {@code LabelSelector}s (matchLabels plus matchExpressions with In, NotIn, Exists, DoesNotExist)
 * as webhooks use them: an absent selector matches everything, an invalid one matches nothing. Stateless.
 */
final class LabelSelectors {
  private LabelSelectors() {}

  static boolean matches(JsonNode selector, Map<String, String> labels) {
    if (selector == null || selector.isMissingNode() || selector.isNull()) {
      return true;
    }
    if (!Selector.of(selector.path("matchLabels")).matches(labels)) {
      return false;
    }
    for (JsonNode e : Json.list(selector, "matchExpressions")) {
      String key = Json.text(e, "key");
      List<String> values = Json.strings(e, "values");
      boolean has = labels.containsKey(key);
      boolean ok = switch (Json.text(e, "operator")) {
        case "In" -> !values.isEmpty() && has && values.contains(labels.get(key));
        case "NotIn" -> !values.isEmpty() && (!has || !values.contains(labels.get(key)));
        case "Exists" -> values.isEmpty() && has;
        case "DoesNotExist" -> values.isEmpty() && !has;
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
