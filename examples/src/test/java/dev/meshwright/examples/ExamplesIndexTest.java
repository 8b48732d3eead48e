package dev.meshwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** bin/example, the examples' README and the main classes stay in step. */
class ExamplesIndexTest {
  private static final Pattern ENTRY = Pattern.compile("^\\s*(\\w+)\\)\\s+main=([\\w.]+)\\s*;;", Pattern.MULTILINE);

  @Test
  @DisplayName("every name bin/example knows runs a public main and has its README section, and the README names no other")
  void launcherReadmeAndClassesAgree() throws IOException, ReflectiveOperationException {
    Map<String, String> launcher = new LinkedHashMap<>();
    Matcher m = ENTRY.matcher(Files.readString(Path.of("..", "bin", "example")));
    while (m.find()) {
      launcher.put(m.group(1), m.group(2));
    }
    String readme = Files.readString(Path.of("README.md"));

    assertThat(launcher).containsOnlyKeys("canary", "install", "webhook", "embed", "observe");
    for (Map.Entry<String, String> e : launcher.entrySet()) {
      Method main = Class.forName(e.getValue()).getMethod("main", String[].class);
      assertThat(Modifier.isStatic(main.getModifiers())).as(e.getValue()).isTrue();
      assertThat(readme).contains("## " + e.getKey() + ": ", "`" + e.getValue() + "`");
    }
    assertThat(Pattern.compile("^## (\\w+): ", Pattern.MULTILINE).matcher(readme).results().map(r -> r.group(1)))
        .containsExactlyElementsOf(launcher.keySet());
  }
}
