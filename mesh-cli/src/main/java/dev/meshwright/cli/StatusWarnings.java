package dev.meshwright.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwright.model.gateway.GatewayApiResult;
import dev.meshwright.model.gateway.ObjectStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns unhealthy status conditions of a Gateway API conversion into one warning line each:
 * {@code warning: Kind ns/name: [listener L|parent P: ]Type=Status Reason: message}. A condition is unhealthy when
 * {@code Accepted}, {@code Programmed} or {@code ResolvedRefs} is not True, or {@code Conflicted} is True. Stateless.
 */
final class StatusWarnings {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StatusWarnings() {}

  static List<String> of(GatewayApiResult result) {
    List<String> out = new ArrayList<>();
    for (ObjectStatus s : result.statuses()) {
      String prefix = "warning: " + s.kind() + " " + s.namespace() + "/" + s.name() + ": ";
      JsonNode status = JSON.valueToTree(s.status());
      collect(out, prefix, status.path("conditions"));
      for (JsonNode l : status.path("listeners")) {
        collect(out, prefix + "listener " + l.path("name").asText() + ": ", l.path("conditions"));
      }
      for (JsonNode p : status.path("parents")) {
        collect(out, prefix + "parent " + p.path("parentRef").path("name").asText() + ": ", p.path("conditions"));
      }
    }
    return out;
  }

  private static void collect(List<String> out, String prefix, JsonNode conditions) {
    for (JsonNode c : conditions) {
      String type = c.path("type").asText();
      String status = c.path("status").asText();
      boolean bad = type.equals("Conflicted") ? status.equals("True") : !status.equals("True");
      if (bad) {
        out.add(prefix + type + "=" + status + " " + c.path("reason").asText() + ": " + c.path("message").asText());
      }
    }
  }
}
