package dev.meshwright.conformance;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.Severity;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.yaml.Document;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One file of {@code validation/cases/}: a single resource under comment lines
 * {@code # expect: valid | invalid: S} and optionally {@code # warning: S | none}; see the corpus README.
 * Checks it against Meshwright's strict reading and validation. Immutable.
 *
 * @param name the file name
 * @param text the whole file
 */
record ValidationCase(String name, String text) {
  private static final String INVALID = "invalid: ";

  /** What checking a case gave. */
  record Outcome(boolean verdictOk, boolean substringOk, Optional<Boolean> warningOk, String reason, String warningReason) {}

  Outcome check() {
    String expect = header("expect").orElse("");
    if (!expect.equals("valid") && !expect.startsWith(INVALID)) {
      return new Outcome(false, false, Optional.empty(), "no '# expect: valid|invalid: S' header", "");
    }
    List<Diagnostic> diags = evaluate(name, text);
    String errors = joined(diags, Severity.ERROR);
    String warnings = joined(diags, Severity.WARNING);
    boolean wantValid = expect.equals("valid");
    boolean verdictOk = wantValid == errors.isEmpty();
    String want = wantValid ? "" : expect.substring(INVALID.length());
    boolean substringOk = verdictOk && errors.contains(want);
    Optional<Boolean> warningOk = header("warning").map(w -> w.equals("none") ? warnings.isEmpty() : warnings.contains(w));
    String reason = !verdictOk
        ? "want " + expect + ", got " + (errors.isEmpty() ? "valid" : "[" + errors + "]")
        : substringOk ? "" : "want substring [" + want + "], got [" + errors + "]";
    String warningReason = warningOk.orElse(true)
        ? "" : "want warning [" + header("warning").orElse("") + "], got [" + warnings + "]";
    return new Outcome(verdictOk, substringOk, warningOk, reason.replace('\n', '|'), warningReason.replace('\n', '|'));
  }

  /** The value of comment line {@code # key: value}, if present. */
  Optional<String> header(String key) {
    String prefix = "# " + key + ":";
    return text.lines().filter(l -> l.startsWith(prefix)).findFirst().map(l -> l.substring(prefix.length()).trim());
  }

  /** Reads {@code text} strictly and validates every resource read; reading problems count too. */
  static List<Diagnostic> evaluate(String source, String text) {
    ReadResult read = MeshYaml.read(source, text);
    List<Diagnostic> all = new ArrayList<>(read.diagnostics());
    MeshValidator validator = MeshValidator.create();
    for (Document d : read.documents()) {
      all.addAll(validator.validate(d.resource()));
    }
    return all;
  }

  private static String joined(List<Diagnostic> diags, Severity severity) {
    return diags.stream().filter(d -> d.severity() == severity).map(Diagnostic::format).collect(Collectors.joining("\n"));
  }
}
