package dev.meshwright.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code validation/} corpus: {@code cases/*.yaml} with expectation headers and {@code valid-configs/}
 * whose every document must validate without error; checked with mesh-api's strict YAML reading and
 * {@link dev.meshwright.api.kinds.MeshValidator}.
 *
 * <p>Lines: {@code validation} (verdict and error substring both right), {@code validation-verdicts}
 * (verdict right), {@code validation-warnings} (cases with a {@code # warning:} header whose warnings
 * match; reported only, they do not fail a case) and {@code validation-valid-configs} (files without
 * errors). Stateless.
 */
final class ValidationCorpus extends NamedCorpus {
  ValidationCorpus(String name) {
    super(name);
  }

  @Override
  public CorpusResult run(Path dir) throws IOException {
    Path casesDir = dir.resolve("cases");
    if (!Files.isDirectory(casesDir)) {
      throw new IOException("no cases/ folder in " + dir);
    }
    Tally strict = new Tally();
    Tally verdicts = new Tally();
    Tally warnings = new Tally();
    for (Path file : yamlFiles(casesDir)) {
      String caseName = casesDir.relativize(file).toString();
      ValidationCase.Outcome o = new ValidationCase(caseName, Files.readString(file)).check();
      strict.add(caseName, o.substringOk(), o.reason());
      verdicts.add(caseName, o.verdictOk(), o.reason());
      o.warningOk().ifPresent(ok -> warnings.add(caseName, ok, o.warningReason()));
    }
    Tally configs = new Tally();
    Path configsDir = dir.resolve("valid-configs");
    if (Files.isDirectory(configsDir)) {
      for (Path file : yamlFiles(configsDir)) {
        String fileName = configsDir.relativize(file).toString();
        List<String> errors = ValidationCase.evaluate(fileName, Files.readString(file)).stream()
            .filter(d -> d.isError()).map(d -> d.format()).toList();
        configs.add(fileName, errors.isEmpty(), String.join("|", errors));
      }
    }
    return strict.result(name()).withExtraLines(List.of(
        verdicts.result(name() + "-verdicts"),
        warnings.result(name() + "-warnings"),
        configs.result(name() + "-valid-configs")));
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted().toList();
    }
  }

  /** Counts passes and collects failures for one line. */
  private static final class Tally {
    private int passed;
    private int total;
    private final List<String> failing = new ArrayList<>();
    private final Map<String, String> reasons = new LinkedHashMap<>();

    void add(String caseName, boolean ok, String reason) {
      total++;
      if (ok) {
        passed++;
      } else {
        failing.add(caseName);
        reasons.put(caseName, reason);
      }
    }

    CorpusResult result(String lineName) {
      return CorpusResult.ran(lineName, passed, total, failing, reasons);
    }
  }
}
