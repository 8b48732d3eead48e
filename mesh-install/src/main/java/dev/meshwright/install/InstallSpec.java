package dev.meshwright.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.operator.IstioOperator;
import java.util.Objects;

/**
 * The assembled install configuration: the merged IstioOperator (typed) and the merged spec tree it was
 * read from, which keeps the free-form {@code values} exactly as given. Immutable (the tree is a private
 * copy; {@link #spec()} returns a copy).
 */
public final class InstallSpec {
  private final IstioOperator operator;
  private final ObjectNode spec;

  /** Wraps a merged spec tree and its typed form. */
  public InstallSpec(IstioOperator operator, ObjectNode spec) {
    this.operator = Objects.requireNonNull(operator, "operator");
    this.spec = Objects.requireNonNull(spec, "spec").deepCopy();
  }

  /** The typed, merged IstioOperator. */
  public IstioOperator operator() {
    return operator;
  }

  /** A copy of the merged {@code spec} tree. */
  public ObjectNode spec() {
    return spec.deepCopy();
  }

  /** A copy of the merged {@code spec.values} tree (empty when absent). */
  public ObjectNode values() {
    JsonNode v = spec.get("values");
    return v instanceof ObjectNode o ? o.deepCopy() : spec.objectNode();
  }

  /** The profile name the spec was built from. */
  public String profile() {
    return spec.path("profile").asText("default");
  }
}
