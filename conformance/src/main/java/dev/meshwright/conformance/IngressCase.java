package dev.meshwright.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;

/** An xds-misc {@code ingress/*} case. */
final class IngressCase {
  private IngressCase() {}

  static Optional<String> check(Path dir, JsonNode c) {
    return Optional.of("not implemented yet");
  }
}
