package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The config of an xds-bench {@code eds/*} case, generated from its {@code generated_config} block as upstream's
 * endpoint benchmark builds it: {@code service_entries.count} ServiceEntries, each with
 * {@code endpoints_per_service.count} inline endpoints, plus the listed PeerAuthentications, written as YAML for the
 * ordinary config loader. Values may hold placeholders {@code <EXPR>} over the service index {@code s} and the
 * endpoint index {@code e} (integers, {@code + - * / %} and parentheses), e.g.
 * {@code 111.<e/65536>.<(e/256)%256>.<e%256>}. {@code mesh_networks} is not turned into config (Meshwright's
 * snapshot has no mesh networks yet). Stateless; a malformed block throws {@link IllegalArgumentException}.
 */
final class EdsBenchConfig {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private EdsBenchConfig() {}

  /** The YAML documents for {@code generated}. */
  static String yaml(JsonNode generated) {
    List<ObjectNode> docs = new ArrayList<>();
    JsonNode se = generated.path("service_entries");
    JsonNode eps = generated.path("endpoints_per_service");
    for (int s = 0; s < se.path("count").asInt(); s++) {
      docs.add(serviceEntry(se, eps, s));
    }
    for (JsonNode pa : generated.path("peer_authentications")) {
      docs.add(peerAuthentication(pa));
    }
    StringBuilder out = new StringBuilder();
    for (ObjectNode d : docs) {
      try {
        out.append(NamedCorpus.YAML.writeValueAsString(d));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.toString();
  }

  /** The cluster names the proxy watches: {@code outbound|PORT||HOST} for every service's hosts and ports. */
  static List<String> watchedClusters(JsonNode generated) {
    JsonNode se = generated.path("service_entries");
    List<String> out = new ArrayList<>();
    for (int s = 0; s < se.path("count").asInt(); s++) {
      for (JsonNode h : se.path("hosts")) {
        for (JsonNode p : se.path("ports")) {
          out.add("outbound|" + p.path("number").asInt() + "||" + subst(h.asText(), Map.of("s", s)));
        }
      }
    }
    return out;
  }

  private static ObjectNode serviceEntry(JsonNode se, JsonNode eps, int s) {
    Map<String, Integer> vs = Map.of("s", s);
    ObjectNode doc = header("networking.istio.io/v1beta1", "ServiceEntry", subst(se.path("name").asText(), vs),
        se.path("namespace").asText("default"));
    ObjectNode spec = doc.putObject("spec");
    ArrayNode hosts = spec.putArray("hosts");
    se.path("hosts").forEach(h -> hosts.add(subst(h.asText(), vs)));
    ArrayNode ports = spec.putArray("ports");
    for (JsonNode p : se.path("ports")) {
      ports.addObject().put("number", p.path("number").asInt()).put("name", p.path("name").asText())
          .put("protocol", p.path("protocol").asText());
    }
    spec.put("resolution", se.path("resolution").asText("STATIC"));
    ArrayNode endpoints = spec.putArray("endpoints");
    for (int e = 0; e < eps.path("count").asInt(); e++) {
      Map<String, Integer> ve = Map.of("s", s, "e", e);
      ObjectNode ep = endpoints.addObject().put("address", subst(eps.path("address").asText(), ve));
      ObjectNode labels = ep.putObject("labels");
      eps.path("labels").properties().forEach(l -> labels.put(l.getKey(), subst(l.getValue().asText(), ve)));
      if (eps.has("network")) {
        ep.put("network", subst(eps.path("network").asText(), ve));
      }
      if (eps.has("service_account")) {
        ep.put("serviceAccount", subst(eps.path("service_account").asText(), ve));
      }
    }
    return doc;
  }

  private static ObjectNode peerAuthentication(JsonNode pa) {
    ObjectNode doc = header("security.istio.io/v1beta1", "PeerAuthentication", pa.path("name").asText(),
        pa.path("namespace").asText("default"));
    ObjectNode spec = doc.putObject("spec");
    if (pa.has("selector")) {
      ObjectNode labels = spec.putObject("selector").putObject("matchLabels");
      pa.path("selector").properties().forEach(l -> labels.put(l.getKey(), l.getValue().asText()));
    }
    spec.putObject("mtls").put("mode", pa.path("mode").asText());
    return doc;
  }

  private static ObjectNode header(String apiVersion, String kind, String name, String namespace) {
    ObjectNode doc = F.objectNode().put("apiVersion", apiVersion).put("kind", kind);
    doc.putObject("metadata").put("name", name).put("namespace", namespace);
    return doc;
  }

  /** {@code text} with every {@code <EXPR>} replaced by its value under {@code vars}. */
  static String subst(String text, Map<String, Integer> vars) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('<', i);
      if (open < 0) {
        out.append(text, i, text.length());
        break;
      }
      int close = text.indexOf('>', open);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed placeholder in " + text);
      }
      out.append(text, i, open);
      out.append(new Expr(text.substring(open + 1, close), vars).eval());
      i = close + 1;
    }
    return out.toString();
  }

  /** A recursive-descent evaluator of integer expressions over named variables. */
  private static final class Expr {
    private final String src;
    private final Map<String, Integer> vars;
    private int pos;

    Expr(String src, Map<String, Integer> vars) {
      this.src = src.replace(" ", "");
      this.vars = vars;
    }

    long eval() {
      long v = sum();
      if (pos != src.length()) {
        throw new IllegalArgumentException("cannot read placeholder <" + src + ">");
      }
      return v;
    }

    private long sum() {
      long v = product();
      while (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        char op = src.charAt(pos++);
        long r = product();
        v = op == '+' ? v + r : v - r;
      }
      return v;
    }

    private long product() {
      long v = atom();
      while (pos < src.length() && "*/%".indexOf(src.charAt(pos)) >= 0) {
        char op = src.charAt(pos++);
        long r = atom();
        if (op != '*' && r == 0) {
          throw new IllegalArgumentException("division by zero in <" + src + ">");
        }
        v = op == '*' ? v * r : op == '/' ? v / r : v % r;
      }
      return v;
    }

    private long atom() {
      if (pos >= src.length()) {
        throw new IllegalArgumentException("cannot read placeholder <" + src + ">");
      }
      char c = src.charAt(pos);
      if (c == '(') {
        pos++;
        long v = sum();
        if (pos >= src.length() || src.charAt(pos) != ')') {
          throw new IllegalArgumentException("missing ) in <" + src + ">");
        }
        pos++;
        return v;
      }
      int start = pos;
      while (pos < src.length() && Character.isLetterOrDigit(src.charAt(pos))) {
        pos++;
      }
      String word = src.substring(start, pos);
      if (word.isEmpty()) {
        throw new IllegalArgumentException("cannot read placeholder <" + src + ">");
      }
      if (Character.isDigit(word.charAt(0))) {
        return Long.parseLong(word);
      }
      Integer v = vars.get(word);
      if (v == null) {
        throw new IllegalArgumentException("unknown variable " + word + " in <" + src + ">");
      }
      return v;
    }
  }
}
