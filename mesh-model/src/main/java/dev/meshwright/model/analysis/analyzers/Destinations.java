package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The route and mirror destinations of a VirtualService spec, with the field path of each. Stateless. */
final class Destinations {
  /** One destination: the rule kind ({@code tcp}, {@code tls}, {@code http}, {@code http.mirror}, {@code http.mirrors}), its path and body. */
  record Annotated(String rule, String path, JsonNode destination) {
    String host() {
      return Json.text(destination, "host");
    }

    String subset() {
      return Json.text(destination, "subset");
    }
  }

  private Destinations() {}

  static List<Annotated> routes(JsonNode vs) {
    List<Annotated> out = new ArrayList<>();
    for (String rule : List.of("tcp", "tls", "http")) {
      List<JsonNode> rules = Json.list(vs, rule);
      for (int i = 0; i < rules.size(); i++) {
        List<JsonNode> routes = Json.list(rules.get(i), "route");
        for (int j = 0; j < routes.size(); j++) {
          out.add(new Annotated(rule, "spec." + rule + "[" + i + "].route[" + j + "].destination.host",
              routes.get(j).path("destination")));
        }
      }
    }
    return out;
  }

  static List<Annotated> mirrors(JsonNode vs) {
    List<Annotated> out = new ArrayList<>();
    List<JsonNode> http = Json.list(vs, "http");
    for (int i = 0; i < http.size(); i++) {
      JsonNode r = http.get(i);
      if (r.has("mirror") && !r.get("mirror").isNull()) {
        out.add(new Annotated("http.mirror", "spec.http[" + i + "].mirror.host", r.get("mirror")));
      }
      List<JsonNode> mirrors = Json.list(r, "mirrors");
      for (int j = 0; j < mirrors.size(); j++) {
        out.add(new Annotated("http.mirrors", "spec.http[" + i + "].mirrors[" + j + "].host",
            mirrors.get(j).path("destination")));
      }
    }
    return out;
  }
}
