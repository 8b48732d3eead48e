package dev.meshwright.api.networking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.kinds.MeshValidator;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.util.List;

/** Reads one YAML document strictly and validates it, for the networking kind tests. */
final class NetworkingFixtures {
  private NetworkingFixtures() {}

  static MeshResource read(String yaml) {
    ReadResult r = MeshYaml.read("test.yaml", yaml);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.resources()).hasSize(1);
    return r.resources().get(0);
  }

  /** Every finding as {@code severity path: message}. */
  static List<String> validate(String yaml) {
    return MeshValidator.create().validate(read(yaml)).stream()
        .map(d -> d.severity().name().toLowerCase(java.util.Locale.ROOT) + " " + d.path() + ": " + d.message())
        .toList();
  }

  static List<String> errors(String yaml) {
    return MeshValidator.create().validate(read(yaml)).stream().filter(Diagnostic::isError)
        .map(d -> d.path() + ": " + d.message()).toList();
  }
}
