package dev.meshwright.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes label selector ({@code matchLabels} plus {@code matchExpressions}) with Kubernetes' matching
 * rules: every label and every requirement must hold; an empty selector matches everything. Immutable.
 *
 * @param matchLabels labels that must be present with exactly these values
 * @param matchExpressions further requirements, all of which must hold
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

  /** The operators of a selector requirement, with their Kubernetes spelling. */
  public enum Operator {
    /** The label is present and its value is one of the values. */
    IN("In"),
    /** The label is absent, or present with a value that is none of the values. */
    NOT_IN("NotIn"),
    /** The label is present. */
    EXISTS("Exists"),
    /** The label is absent. */
    DOES_NOT_EXIST("DoesNotExist");

    private final String spelling;

    Operator(String spelling) {
      this.spelling = spelling;
    }

    /** The name as written in YAML ({@code NotIn}). */
    public String spelling() {
      return spelling;
    }

    /** The operator spelled {@code text} exactly as Kubernetes does, or null. */
    public static Operator parse(String text) {
      for (Operator op : values()) {
        if (op.spelling.equals(text)) {
          return op;
        }
      }
      return null;
    }
  }

  /**
   * One {@code matchExpressions} entry.
   *
   * @param key the label key
   * @param operator how the label is tested
   * @param values the values for {@code In}/{@code NotIn} (empty for the others)
   */
  public record Requirement(String key, Operator operator, List<String> values) {
    public Requirement {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(operator, "operator");
      values = List.copyOf(values);
    }

    /** Whether {@code labels} satisfy this requirement. */
    public boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case IN -> value != null && values.contains(value);
        case NOT_IN -> value == null || !values.contains(value);
        case EXISTS -> value != null;
        case DOES_NOT_EXIST -> value == null;
      };
    }

    @Override
    public String toString() {
      return switch (operator) {
        case IN -> key + " in (" + String.join(",", values) + ")";
        case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
        case EXISTS -> key;
        case DOES_NOT_EXIST -> "!" + key;
      };
    }
  }

  public LabelSelector {
    matchLabels = Map.copyOf(matchLabels);
    matchExpressions = List.copyOf(matchExpressions);
  }

  /** A selector with labels only. */
  public static LabelSelector ofLabels(Map<String, String> labels) {
    return new LabelSelector(labels, List.of());
  }

  /** A selector with expressions only. */
  public static LabelSelector of(Requirement... requirements) {
    return new LabelSelector(Map.of(), List.of(requirements));
  }

  /** A requirement, for building selectors in code. */
  public static Requirement requirement(String key, Operator operator, String... values) {
    return new Requirement(key, operator, List.of(values));
  }

  /** Whether the selector has neither labels nor expressions (Istio ignores such entries in its lists). */
  public boolean isEmpty() {
    return matchLabels.isEmpty() && matchExpressions.isEmpty();
  }

  /** Whether {@code labels} satisfy every label and requirement of this selector. */
  public boolean matches(Map<String, String> labels) {
    for (Map.Entry<String, String> e : matchLabels.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return matchExpressions.stream().allMatch(r -> r.matches(labels));
  }

  /** Kubernetes' string form: {@code app=a,tier in (x,y),!legacy}, labels sorted by key. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    matchLabels.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> parts.add(e.getKey() + "=" + e.getValue()));
    matchExpressions.forEach(r -> parts.add(r.toString()));
    return parts.isEmpty() ? "<empty>" : String.join(",", parts);
  }
}
