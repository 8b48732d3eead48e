package dev.meshwright.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GoTemplateTest {
  @Test
  @DisplayName("range over until N binds the index; div and mod compute; {{- trims the whitespace before the action")
  void rangeDivMod() {
    String t = "a:\n{{- range $i := until .Services }}\n- {{$i}}/{{div $i 3 }}/{{mod $i 3 }}\n{{- end }}\n";
    assertThat(GoTemplate.render(t, Map.of("Services", 5)))
        .isEqualTo("a:\n- 0/0/0\n- 1/0/1\n- 2/0/2\n- 3/1/0\n- 4/1/1\n");
  }

  @Test
  @DisplayName("nested ranges see the outer variable and $.Name; a zero count renders nothing; -}} trims after")
  void nested() {
    String t = "{{- range $i := until .A }}[{{- range $j := until .B -}}  {{$i}}{{mod $j $.A}} {{- end }}]{{- end }}";
    assertThat(GoTemplate.render(t, Map.of("A", 2, "B", 3))).isEqualTo("[000100][101110]");
    assertThat(GoTemplate.render("x{{ range $i := until .A }}y{{ end }}z", Map.of("A", 0))).isEqualTo("xz");
  }

  @Test
  @DisplayName("anything outside the subset is an error, not silently wrong text")
  void unsupported() {
    assertThatThrownBy(() -> GoTemplate.render("{{ if .A }}x{{ end }}", Map.of("A", 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GoTemplate.render("{{ $k }}", Map.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GoTemplate.render("{{ range $i := until 2 }}x", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GoTemplate.render("x{{ end }}", Map.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("every xds-bench template renders at Services=1, Instances=1 exactly as the corpus's rendered/ file")
  void matchesCorpusRenderings() throws IOException {
    String property = System.getProperty("meshwright.corpus", "");
    Path bench = Path.of(property.isEmpty() ? "../../shared/conformance/istio-1.22" : property).resolve("xds-bench");
    assumeTrue(Files.isDirectory(bench.resolve("templates")), "xds-bench corpus not found at " + bench.toAbsolutePath());
    try (Stream<Path> templates = Files.list(bench.resolve("templates"))) {
      for (Path t : templates.sorted().toList()) {
        String base = t.getFileName().toString().replaceFirst("\\.yaml$", "");
        Path rendered = bench.resolve("rendered/" + base + ".services-1.instances-1.yaml");
        assertThat(GoTemplate.render(Files.readString(t), Map.of("Services", 1, "Instances", 1)))
            .as(base).isEqualTo(Files.readString(rendered));
      }
    }
  }
}
