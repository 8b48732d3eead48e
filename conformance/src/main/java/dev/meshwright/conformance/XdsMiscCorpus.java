package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code xds-misc/} corpus: each case runs by its {@code group} (or the first part of its name):
 * {@code ingress} through {@link IngressCase}, {@code scenario} through {@link ScenarioCase}, {@code bootstrap}
 * through {@link BootstrapCase} (with the table's {@code bootstrap_common}); a group this class does not know fails
 * as not implemented. Stateless.
 */
final class XdsMiscCorpus extends NamedCorpus {
  XdsMiscCorpus(String name) {
    super(name);
  }

  @Override
  public CorpusResult run(Path dir) throws IOException {
    JsonNode common = caseTable(dir).path("bootstrap_common");
    return tally(name(), cases(dir), c -> c.path("name").asText(), c -> check(dir, common, c));
  }

  private static Optional<String> check(Path dir, JsonNode common, JsonNode c) throws IOException {
    String group = c.path("group").asText(c.path("name").asText().split("/", 2)[0]);
    return switch (group) {
      case "ingress" -> IngressCase.check(dir, c);
      case "scenario" -> ScenarioCase.check(dir, c);
      case "bootstrap" -> BootstrapCase.check(dir, common, c);
      default -> Optional.of("not implemented: group " + group);
    };
  }
}
