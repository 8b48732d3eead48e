package dev.meshwright.api.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.ObjectMeta;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.networking.Destination;
import dev.meshwright.api.networking.HTTPMatchRequest;
import dev.meshwright.api.networking.HTTPRoute;
import dev.meshwright.api.networking.HTTPRouteDestination;
import dev.meshwright.api.networking.StringMatch;
import dev.meshwright.api.networking.VirtualService;
import dev.meshwright.api.networking.VirtualServiceSpec;
import dev.meshwright.api.yaml.MeshYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the README's typed-builder example honest: it is this code, and it runs. */
class ReadmeExampleTest {
  @Test
  @DisplayName("the README example compiles, validates clean and prints v1 YAML")
  void example() {
    // readme-example:start
    VirtualService reviews = VirtualService.builder()
        .metadata(ObjectMeta.of("reviews", "bookinfo"))
        .spec(VirtualServiceSpec.builder()
            .addHost("reviews.bookinfo.svc.cluster.local")
            .addHttp(HTTPRoute.builder()
                .addMatch(HTTPMatchRequest.builder().putHeader("end-user", StringMatch.exact("jason")).build())
                .addRoute(HTTPRouteDestination.to(Destination.of("reviews.bookinfo.svc.cluster.local", "v2")))
                .timeout(Duration.ofSeconds(5))
                .build())
            .build())
        .build();

    List<Diagnostic> problems = MeshValidator.create().validate(reviews);   // Istio 1.22's rules
    String yaml = MeshYaml.standard().writeYaml(reviews);                   // apiVersion: networking.istio.io/v1
    // readme-example:end

    assertThat(problems).isEmpty();
    assertThat(yaml).startsWith("apiVersion: networking.istio.io/v1\nkind: VirtualService\n").contains("timeout: 5s");
    assertThat(MeshYaml.read("readme", yaml).resources()).containsExactly(reviews);
  }

  @Test
  @DisplayName("the README shows exactly the example above")
  void readmeMatchesThisFile() throws IOException {
    Path readme = Path.of("..", "README.md");
    Path self = Path.of("src/test/java/dev/meshwright/api/readme/ReadmeExampleTest.java");
    String fromReadme = between(Files.readString(readme), "<!-- readme-example:start -->", "<!-- readme-example:end -->")
        .replace("```java\n", "").replace("```\n", "").strip();
    String fromTest = between(Files.readString(self), "// readme-example:start\n", "    // readme-example:end")
        .stripTrailing().lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
        .reduce((a, b) -> a + "\n" + b).orElse("");
    assertThat(fromReadme).isEqualTo(fromTest.strip());
  }

  private static String between(String text, String start, String end) {
    int a = text.indexOf(start);
    int b = text.indexOf(end, a + start.length());
    assertThat(a).as("marker " + start).isNotNegative();
    assertThat(b).as("marker " + end).isNotNegative();
    return text.substring(a + start.length(), b);
  }
}
