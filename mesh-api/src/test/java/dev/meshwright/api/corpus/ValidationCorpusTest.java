package dev.meshwright.api.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.yaml.Document;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs the validation corpus ({@code validation/cases}) and reports verdicts per case. A development aid
 * for the kind validators: {@code -Dcorpus.only=virtualservice,gateway} narrows the run, and the failing
 * cases are printed. The official, ratcheted count is the conformance runner's.
 */
class ValidationCorpusTest {
  private static final Path CORPUS = Path.of(System.getProperty("meshwright.corpus", "../../shared/conformance/istio-1.22"));

  @Test
  @DisplayName("validation corpus cases: report verdicts and error substrings")
  void cases() throws IOException {
    Path dir = CORPUS.resolve("validation/cases");
    assumeTrue(Files.isDirectory(dir), "validation corpus not found at " + dir.toAbsolutePath() + "; skipping");
    List<String> only = List.of(System.getProperty("corpus.only", "").split(","));
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    int total = 0;
    int verdicts = 0;
    int substrings = 0;
    List<String> failures = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      String kindPrefix = name.substring(0, name.indexOf('-')).toLowerCase(Locale.ROOT);
      if (!only.get(0).isEmpty() && !only.contains(kindPrefix)) {
        continue;
      }
      total++;
      String text = Files.readString(f);
      String expect = header(text, "expect");
      List<Diagnostic> diags = evaluate(name, text);
      List<Diagnostic> errors = diags.stream().filter(Diagnostic::isError).toList();
      boolean wantValid = expect.equals("valid");
      String joined = String.join("\n", errors.stream().map(Diagnostic::format).toList());
      if (wantValid == errors.isEmpty()) {
        verdicts++;
        if (wantValid || joined.contains(expect.substring("invalid: ".length()))) {
          substrings++;
        } else {
          failures.add(name + ": want substring [" + expect + "] got [" + joined.replace('\n', '|') + "]");
        }
      } else {
        failures.add(name + ": want " + expect + " got " + (errors.isEmpty() ? "valid" : "[" + joined.replace('\n', '|') + "]"));
      }
    }
    failures.forEach(System.out::println);
    System.out.printf("validation cases: verdicts %d/%d, verdict+substring %d/%d%n", verdicts, total, substrings, total);
    assertThat(total).isPositive();
  }

  @Test
  @DisplayName("valid-configs: every document reads and validates without error")
  void validConfigs() throws IOException {
    Path dir = CORPUS.resolve("validation/valid-configs");
    assumeTrue(Files.isDirectory(dir), "validation corpus not found at " + dir.toAbsolutePath() + "; skipping");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    int ok = 0;
    for (Path f : files) {
      List<Diagnostic> errors = evaluate(dir.relativize(f).toString(), Files.readString(f)).stream()
          .filter(Diagnostic::isError).toList();
      if (errors.isEmpty()) {
        ok++;
      } else {
        errors.forEach(e -> System.out.println(e.format()));
      }
    }
    System.out.printf("valid-configs: %d/%d files clean%n", ok, files.size());
    assertThat(files).isNotEmpty();
  }

  /** Read strictly, then validate every resource read; parse and binding diagnostics count too. */
  static List<Diagnostic> evaluate(String source, String text) {
    ReadResult read = MeshYaml.read(source, text);
    List<Diagnostic> all = new ArrayList<>(read.diagnostics());
    MeshValidator validator = MeshValidator.create();
    for (Document d : read.documents()) {
      all.addAll(validator.validate(d.resource()));
    }
    return all;
  }

  static String header(String text, String key) {
    for (String line : text.split("\n")) {
      if (line.startsWith("# " + key + ":")) {
        return line.substring(key.length() + 3).trim();
      }
    }
    return "";
  }
}
