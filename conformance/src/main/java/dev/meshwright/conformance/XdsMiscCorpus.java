package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code xds-misc/} corpus: each case runs by its {@code group} (or the first part of its name):
 * {@code ingress} through {@link IngressCase}, {@code scenario} through {@link ScenarioCase}. Meshwright does not
 * render the agent's Envoy bootstrap, so {@code bootstrap} cases, and any group this class does not know, fail with
 * that reason. Stateless.
 */
final class XdsMiscCorpus extends NamedCorpus {
  XdsMiscCorpus(String name) {
    super(name);
  }

  @Override
  public CorpusResult run(Path dir) throws IOException {
    return tally(name(), cases(dir), c -> c.path("name").asText(), c -> check(dir, c));
  }

  private static Optional<String> check(Path dir, JsonNode c) throws IOException {
    String group = c.path("group").asText(c.path("name").asText().split("/", 2)[0]);
    return switch (group) {
      case "ingress" -> IngressCase.check(dir, c);
      case "scenario" -> ScenarioCase.check(dir, c);
      case "bootstrap" -> Optional.of("not implemented: Meshwright does not render pilot-agent's Envoy bootstrap");
      default -> Optional.of("not implemented: group " + group);
    };
  }
}
