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
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@code # warning:} headers of the corpus cases for the policy kinds (AuthorizationPolicy,
 * RequestAuthentication, PeerAuthentication, Telemetry): a named warning must be produced, {@code none}
 * means no warning at all. The conformance runner checks every kind's warnings; this keeps the policy kinds
 * checked inside the module's own test run.
 */
class PolicyKindsWarningsTest {
  private static final Path CASES = Path.of(
      System.getProperty("meshwright.corpus", "../../shared/conformance/istio-1.22"), "validation/cases");
  private static final List<String> PREFIXES =
      List.of("authorizationpolicy-", "requestauthentication-", "peerauthentication-", "telemetry-");

  @Test
  @DisplayName("policy-kind corpus cases produce exactly the warnings their headers name")
  void warnings() throws IOException {
    assumeTrue(Files.isDirectory(CASES), "validation corpus not found; skipping");
    List<Path> files;
    try (Stream<Path> s = Files.list(CASES)) {
      files = s.filter(p -> PREFIXES.stream().anyMatch(p.getFileName().toString()::startsWith)).sorted().toList();
    }
    int checked = 0;
    for (Path f : files) {
      String text = Files.readString(f);
      String want = header(text, "warning");
      if (want.isEmpty()) {
        continue;
      }
      checked++;
      List<String> got = evaluate(f.getFileName().toString(), text).stream()
          .filter(d -> !d.isError()).map(Diagnostic::message).toList();
      if (want.equals("none")) {
        assertThat(got).as(f.getFileName().toString()).isEmpty();
      } else {
        assertThat(got).as(f.getFileName().toString()).anySatisfy(m -> assertThat(m).contains(want));
      }
    }
    assertThat(checked).isPositive();
  }

  /** Read strictly, then validate every resource read; parse and binding diagnostics count too. */
  private static List<Diagnostic> evaluate(String source, String text) {
    ReadResult read = MeshYaml.read(source, text);
    List<Diagnostic> all = new ArrayList<>(read.diagnostics());
    MeshValidator validator = MeshValidator.create();
    for (Document d : read.documents()) {
      all.addAll(validator.validate(d.resource()));
    }
    return all;
  }

  private static String header(String text, String key) {
    for (String line : text.split("\n")) {
      if (line.startsWith("# " + key + ":")) {
        return line.substring(key.length() + 3).trim();
      }
    }
    return "";
  }
}
