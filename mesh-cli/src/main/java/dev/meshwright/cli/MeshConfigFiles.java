package dev.meshwright.cli;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.Severity;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshConfigYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads a {@code --meshConfigFile} (MeshConfig YAML over Istio's defaults); an unreadable file is a diagnostic. */
final class MeshConfigFiles {
  private MeshConfigFiles() {}

  static MeshConfigs.Result read(Path file) {
    try {
      return MeshConfigYaml.load(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return new MeshConfigs.Result(Optional.empty(), List.of(new Diagnostic(Severity.ERROR, file.toString(), 0, 0,
          "", "", "", "", "cannot read file: " + e.getMessage())));
    }
  }
}
