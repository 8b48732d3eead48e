package dev.meshwright.api.operator;

import dev.meshwright.testing.Corpus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.kinds.MeshValidator;
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
 * Every IstioOperator of the install and inject corpora (test inputs, built-in profiles, the chart snapshot's
 * profiles, profile-dump inputs and goldens, injection overlays) reads as a typed IstioOperator and
 * passes validation.
 */
class IstioOperatorCorpusTest {

  @Test
  @DisplayName("every IstioOperator in install/ and inject/ reads and validates without error")
  void corpusOperators() throws IOException {
    Path install = Corpus.require("install");
    Path corpus = Corpus.root();
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(install, corpus.resolve("inject/cases"))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("chart-values")
            && !p.toString().contains("helm-profiles") && !p.toString().contains("/goldens/")
            || p.toString().endsWith("profile-dump/goldens/all_off.yaml")).sorted().forEach(files::add);
      }
    }
    List<String> problems = new ArrayList<>();
    int operators = 0;
    for (Path f : files) {
      String text = Files.readString(f);
      if (!text.contains("kind: IstioOperator")) {
        continue;
      }
      ReadResult r = MeshYaml.read(corpus.relativize(f).toString(), text);
      r.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> problems.add(d.format()));
      for (MeshResource res : r.resources()) {
        if (res instanceof IstioOperator iop) {
          operators++;
          MeshValidator.create().validate(iop).stream().filter(Diagnostic::isError)
              .forEach(d -> problems.add(f.getFileName() + ": " + d.format()));
        }
      }
    }
    System.out.printf("IstioOperator corpus: %d operators read from %d files%n", operators, files.size());
    assertThat(operators).isGreaterThan(40);
    assertThat(problems).isEmpty();
  }
}
