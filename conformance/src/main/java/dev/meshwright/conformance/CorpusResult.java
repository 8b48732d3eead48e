package dev.meshwright.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of one corpus line: how many cases passed out of how many, which failed and why.
 * Immutable.
 *
 * <p>A corpus may report further figures of its own as {@link #extraLines()} (the validation corpus adds
 * its verdict-only count and its valid-configs count); each is printed, written to JSON and ratcheted as
 * a line of its own.
 *
 * @param name the line name, e.g. {@code validation} or {@code validation-verdicts}
 * @param status whether the line ran, is not implemented yet or could not be read
 * @param passed the cases that passed (always 0 unless {@link Status#RAN})
 * @param total the cases found
 * @param failing names of the failing cases, in case order
 * @param reasons why each failing case failed, keyed by case name (may be missing for some)
 * @param message a note printed after the counts (the error for {@link Status#ERROR}), or empty
 * @param extraLines further figures of the same corpus
 */
public record CorpusResult(
    String name,
    Status status,
    int passed,
    int total,
    List<String> failing,
    Map<String, String> reasons,
    String message,
    List<CorpusResult> extraLines) {

  /** How far a corpus line got. */
  public enum Status {
    /** The cases ran and were counted. */
    RAN,
    /** Meshwright has no implementation for this corpus yet; nothing is counted as passed. */
    NOT_IMPLEMENTED,
    /** The corpus folder could not be read. */
    ERROR;

    /** The lower-case, dashed form used in output and JSON ({@code not-implemented}). */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public CorpusResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    failing = List.copyOf(failing);
    reasons = Map.copyOf(reasons);
    message = Objects.requireNonNullElse(message, "");
    extraLines = List.copyOf(extraLines);
    if (status != Status.RAN && passed != 0) {
      throw new IllegalArgumentException(name + ": only a line that ran can have passes");
    }
  }

  /** A line that ran: {@code passed} of {@code total}, with the failing cases and their reasons. */
  public static CorpusResult ran(String name, int passed, int total, List<String> failing, Map<String, String> reasons) {
    return new CorpusResult(name, Status.RAN, passed, total, failing, reasons, "", List.of());
  }

  /** A corpus Meshwright cannot run yet; {@code total} is the number of cases it holds. */
  public static CorpusResult notImplemented(String name, int total) {
    return new CorpusResult(name, Status.NOT_IMPLEMENTED, 0, total, List.of(), Map.of(), "", List.of());
  }

  /** A corpus folder that could not be read. */
  public static CorpusResult error(String name, String message) {
    return new CorpusResult(name, Status.ERROR, 0, 0, List.of(), Map.of(), message, List.of());
  }

  /** This result with further lines attached. */
  public CorpusResult withExtraLines(List<CorpusResult> lines) {
    return new CorpusResult(name, status, passed, total, failing, reasons, message, lines);
  }

  /** This line followed by its extra lines (recursively), in print order. */
  public List<CorpusResult> lines() {
    List<CorpusResult> out = new ArrayList<>();
    out.add(this);
    extraLines.forEach(l -> out.addAll(l.lines()));
    return out;
  }

  /**
   * The result line: {@code validation: 12/322 passed} for a corpus, {@code validation-verdicts: 40/322}
   * for an extra line, {@code analyze: not implemented (70 cases)}, {@code authz: error: ...}.
   */
  public String summary() {
    return lines().stream().map(l -> l.line(l != this)).collect(Collectors.joining("\n"));
  }

  private String line(boolean extra) {
    return switch (status) {
      case RAN -> name + ": " + passed + "/" + total + (extra ? "" : " passed")
          + (message.isEmpty() ? "" : " (" + message + ")");
      case NOT_IMPLEMENTED -> name + ": not implemented (" + total + " cases)";
      case ERROR -> name + ": error: " + message;
    };
  }
}
