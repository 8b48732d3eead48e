package dev.meshwright.inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link InjectionOptions} from the Istio-format injector configuration: the {@code config} key of the
 * {@code istio-sidecar-injector} ConfigMap ({@code policy}, {@code neverInjectSelector},
 * {@code alwaysInjectSelector}, {@code defaultTemplates}, {@code injectedAnnotations}) and its {@code values}
 * key ({@code values.gen.yaml}: {@code revision}, {@code global.proxy.autoInject} and the
 * {@code sidecarInjectorWebhook} section). Never throws for bad input: every problem becomes a message naming
 * the field, and what could be read is kept. Stateless.
 */
public final class InjectorConfigReader {
  private static final ObjectMapper YAML = new YAMLMapper();

  /**
   * What was read and what was wrong with it.
   *
   * @param options the options read, falling back to the base for anything missing or unreadable
   * @param problems one message per problem, {@code field: what is wrong}; empty when all was well
   */
  public record Result(InjectionOptions options, List<String> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    /** Whether nothing was wrong. */
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private InjectorConfigReader() {}

  /** Reads the ConfigMap's {@code config} text (YAML) over {@code base}. */
  public static Result readConfig(String text, InjectionOptions base) {
    List<String> problems = new ArrayList<>();
    Optional<JsonNode> root = parse(text, "config", problems);
    if (root.isEmpty()) {
      return new Result(base, problems);
    }
    return new Result(apply(root.get(), "", base, problems, "policy"), problems);
  }

  /** Reads the ConfigMap's {@code values} text (JSON or YAML) over {@code base}. */
  public static Result readValues(String text, InjectionOptions base) {
    List<String> problems = new ArrayList<>();
    Optional<JsonNode> root = parse(text, "values", problems);
    if (root.isEmpty()) {
      return new Result(base, problems);
    }
    InjectionOptions options = base;
    JsonNode revision = root.get().path("revision");
    if (revision.isTextual()) {
      options = options.withRevision(revision.asText());
    } else if (!revision.isMissingNode() && !revision.isNull()) {
      problems.add("revision: must be a string");
    }
    JsonNode autoInject = root.get().path("global").path("proxy").path("autoInject");
    if (!autoInject.isMissingNode()) {
      options = policy(autoInject, "global.proxy.autoInject", options, problems);
    }
    JsonNode webhook = root.get().path("sidecarInjectorWebhook");
    if (!webhook.isMissingNode() && !webhook.isNull()) {
      if (!webhook.isObject()) {
        problems.add("sidecarInjectorWebhook: must be a mapping");
      } else {
        options = apply(webhook, "sidecarInjectorWebhook.", options, problems, null);
      }
    }
    return new Result(options, problems);
  }

  private static Optional<JsonNode> parse(String text, String what, List<String> problems) {
    try {
      JsonNode root = YAML.readTree(text == null ? "" : text);
      if (root == null || root.isMissingNode() || root.isNull()) {
        return Optional.of(YAML.createObjectNode());
      }
      if (!root.isObject()) {
        problems.add(what + ": must be a mapping");
        return Optional.empty();
      }
      return Optional.of(root);
    } catch (JsonProcessingException e) {
      problems.add(what + ": not valid YAML or JSON: " + e.getOriginalMessage());
      return Optional.empty();
    }
  }

  private static InjectionOptions apply(JsonNode node, String prefix, InjectionOptions base, List<String> problems,
      String policyField) {
    InjectionOptions options = base;
    if (policyField != null && node.has(policyField)) {
      options = policy(node.get(policyField), prefix + policyField, options, problems);
    }
    if (node.has("neverInjectSelector")) {
      options = options.withNeverInjectSelector(
          selectors(node.get("neverInjectSelector"), prefix + "neverInjectSelector", problems));
    }
    if (node.has("alwaysInjectSelector")) {
      options = options.withAlwaysInjectSelector(
          selectors(node.get("alwaysInjectSelector"), prefix + "alwaysInjectSelector", problems));
    }
    JsonNode templates = node.path("defaultTemplates");
    if (templates.isArray() && !templates.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < templates.size(); i++) {
        if (templates.get(i).isTextual()) {
          names.add(templates.get(i).asText());
        } else {
          problems.add(prefix + "defaultTemplates[" + i + "]: must be a string");
        }
      }
      options = options.withDefaultTemplates(names);
    } else if (!templates.isMissingNode() && !templates.isNull() && !templates.isArray()) {
      problems.add(prefix + "defaultTemplates: must be a list of template names");
    }
    JsonNode annotations = node.path("injectedAnnotations");
    if (annotations.isObject()) {
      options = options.withInjectedAnnotations(strings(annotations, prefix + "injectedAnnotations", problems));
    } else if (!annotations.isMissingNode() && !annotations.isNull()) {
      problems.add(prefix + "injectedAnnotations: must be a mapping of strings");
    }
    return options;
  }

  private static InjectionOptions policy(JsonNode node, String field, InjectionOptions options,
      List<String> problems) {
    InjectionOptions.Policy policy = InjectionOptions.Policy.parse(node.isTextual() ? node.asText() : node.toString());
    if (policy == InjectionOptions.Policy.INVALID) {
      problems.add(field + ": must be one of [disabled, enabled], got " + node
          + "; automatic injection is off");
    }
    return options.withPolicy(policy);
  }

  private static List<LabelSelector> selectors(JsonNode node, String field, List<String> problems) {
    List<LabelSelector> out = new ArrayList<>();
    if (node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      problems.add(field + ": must be a list of label selectors");
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      selector(node.get(i), field + "[" + i + "]", problems).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<LabelSelector> selector(JsonNode node, String field, List<String> problems) {
    if (!node.isObject()) {
      problems.add(field + ": must be a label selector (matchLabels, matchExpressions)");
      return Optional.empty();
    }
    int before = problems.size();
    Map<String, String> labels = node.has("matchLabels")
        ? strings(node.get("matchLabels"), field + ".matchLabels", problems) : Map.of();
    List<LabelSelector.Requirement> requirements = new ArrayList<>();
    JsonNode exprs = node.path("matchExpressions");
    if (exprs.isArray()) {
      for (int i = 0; i < exprs.size(); i++) {
        requirement(exprs.get(i), field + ".matchExpressions[" + i + "]", problems).ifPresent(requirements::add);
      }
    } else if (!exprs.isMissingNode() && !exprs.isNull()) {
      problems.add(field + ".matchExpressions: must be a list");
    }
    node.fieldNames().forEachRemaining(name -> {
      if (!name.equals("matchLabels") && !name.equals("matchExpressions")) {
        problems.add(field + "." + name + ": unknown field");
      }
    });
    // Istio skips a selector it cannot convert, with a warning
    return problems.size() == before ? Optional.of(new LabelSelector(labels, requirements)) : Optional.empty();
  }

  private static Optional<LabelSelector.Requirement> requirement(JsonNode node, String field,
      List<String> problems) {
    String key = node.path("key").asText("");
    if (key.isEmpty()) {
      problems.add(field + ".key: required");
      return Optional.empty();
    }
    LabelSelector.Operator op = LabelSelector.Operator.parse(node.path("operator").asText(""));
    if (op == null) {
      problems.add(field + ".operator: must be one of In, NotIn, Exists, DoesNotExist, got '"
          + node.path("operator").asText("") + "'");
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    node.path("values").forEach(v -> values.add(v.asText()));
    boolean needsValues = op == LabelSelector.Operator.IN || op == LabelSelector.Operator.NOT_IN;
    if (needsValues && values.isEmpty()) {
      problems.add(field + ".values: must be non-empty for operator " + op.spelling());
      return Optional.empty();
    }
    if (!needsValues && !values.isEmpty()) {
      problems.add(field + ".values: must be empty for operator " + op.spelling());
      return Optional.empty();
    }
    return Optional.of(new LabelSelector.Requirement(key, op, values));
  }

  private static Map<String, String> strings(JsonNode node, String field, List<String> problems) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!node.isObject()) {
      problems.add(field + ": must be a mapping of strings");
      return out;
    }
    node.properties().forEach(e -> {
      if (e.getValue().isValueNode() && !e.getValue().isNull()) {
        out.put(e.getKey(), e.getValue().asText());
      } else {
        problems.add(field + "." + e.getKey() + ": must be a string");
      }
    });
    return out;
  }
}
